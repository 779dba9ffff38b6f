package org.dialplane.bench;

import java.util.Arrays;

import org.dialplane.bench.baseline.BaselineServer;
import org.dialplane.bench.bulk.BulkImportCommand;
import org.dialplane.bench.load.LoadCommand;
import org.dialplane.bench.timing.AwaitCommand;
import org.dialplane.bench.timing.ColdStartCommand;
import org.dialplane.bench.timing.HotDeployCommand;

/** Entry point of the benchmark jar: one subcommand per step of bench/run.sh. */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help")) {
            System.out.println("""
                    usage: java -jar dialplane-bench.jar <command> [--option value ...]
                      baseline   run the bare Jetty baseline server (no OSGi, no JAX-RS)
                      load       run the load scenarios against targets and print the table
                      coldstart  start the product N times with fresh homes; median time to first 200
                      hotdeploy  drop a jar into deploy/ N times; median time until its endpoint answers 200
                      bulkimport POST a CSV of N new extensions to /pbxapi/extensions/import, then again to update
                                 them; seconds from the POST to the job's done
                      await      wait until a loopback URL answers a status (for scripts)
                      freeport   print a free loopback TCP port (for scripts)
                    bench/run.sh runs them all; see bench/README.md.""");
            return;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (args[0]) {
                case "baseline" -> BaselineServer.main(rest);
                case "load" -> LoadCommand.main(rest);
                case "coldstart" -> ColdStartCommand.main(rest);
                case "hotdeploy" -> HotDeployCommand.main(rest);
                case "bulkimport" -> BulkImportCommand.main(rest);
                case "await" -> AwaitCommand.main(rest);
                case "freeport" -> AwaitCommand.printFreePort();
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
        }
    }
}
