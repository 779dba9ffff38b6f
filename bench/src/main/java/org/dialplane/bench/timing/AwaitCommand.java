package org.dialplane.bench.timing;

import java.util.Map;

import org.dialplane.bench.Options;
import org.dialplane.bench.load.Target;

/** For run.sh: waits until a loopback URL answers a status (exit 1 on timeout), or prints a free port. */
public final class AwaitCommand {
    private AwaitCommand() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args, Map.of(
                "url", "",
                "path", "/pbxapi/system/health",
                "status", "200",
                "timeout", "60",
                "pid", ""));
        Target target = Target.parse("server", options.get("url"));
        ProcessHandle process = options.get("pid").isBlank() ? null
                : ProcessHandle.of(Long.parseLong(options.get("pid"))).orElse(null);
        try {
            StatusPoller.await(target, options.get("path"), options.integer("status"),
                    options.integer("timeout") * 1000L, process);
        } catch (java.io.IOException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(1);
        }
    }

    public static void printFreePort() throws Exception {
        System.out.println(ColdStartCommand.freePort());
    }
}
