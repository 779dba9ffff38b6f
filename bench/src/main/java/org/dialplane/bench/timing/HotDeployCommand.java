package org.dialplane.bench.timing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.dialplane.bench.Options;
import org.dialplane.bench.load.Target;

/**
 * Hot deploy: from a jar appearing in deploy/ (an atomic rename, so the watcher never sees half a file) to the
 * first 200 of its endpoint; and back, from deleting the jar to the first 404. Repeated, medians reported.
 * Leaves the jar deployed.
 */
public final class HotDeployCommand {
    private HotDeployCommand() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args, Map.of(
                "dialplane", "http://127.0.0.1:8080",
                "deploy", "",
                "jar", "launcher/target/dialplane/examples/org.dialplane.example.vendor.jar",
                "path", "/pbxapi/vendor/hello",
                "runs", "5",
                "timeout", "30"));
        if (options.get("deploy").isBlank()) {
            throw new IllegalArgumentException("--deploy DIR (the product home's deploy/) is needed");
        }
        Target dialplane = Target.parse("Dialplane", options.get("dialplane"));
        Path jar = Path.of(options.get("jar"));
        Path dropped = Path.of(options.get("deploy")).resolve("bench-" + jar.getFileName());
        Path partial = dropped.resolveSibling(dropped.getFileName() + ".part");
        String path = options.get("path");
        long timeout = options.integer("timeout") * 1000L;
        int runs = options.integer("runs");
        double[] deploy = new double[runs];
        double[] undeploy = new double[runs];
        for (int run = 0; run < runs; run++) {
            if (Files.exists(dropped)) {
                long removed = System.nanoTime();
                Files.delete(dropped);
                undeploy[run] = (StatusPoller.await(dialplane, path, 404, timeout, null) - removed) / 1e9;
            } else {
                StatusPoller.await(dialplane, path, 404, timeout, null);
                undeploy[run] = Double.NaN;
            }
            Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
            long droppedAt = System.nanoTime();
            Files.move(partial, dropped, StandardCopyOption.ATOMIC_MOVE);
            deploy[run] = (StatusPoller.await(dialplane, path, 200, timeout, null) - droppedAt) / 1e9;
            System.err.printf("hot deploy %d: %.2f s%n", run + 1, deploy[run]);
        }
        System.out.printf("hot deploy (jar into deploy/ to first 200 of %s): median %.2f s of %d [%s]%n", path,
                StatusPoller.median(deploy), runs, StatusPoller.list(deploy));
        double[] measuredUndeploys = java.util.Arrays.stream(undeploy).filter(v -> !Double.isNaN(v)).toArray();
        if (measuredUndeploys.length > 0) {
            System.out.printf("hot undeploy (jar deleted to first 404): median %.2f s of %d [%s]%n",
                    StatusPoller.median(measuredUndeploys), measuredUndeploys.length,
                    StatusPoller.list(measuredUndeploys));
        }
    }
}
