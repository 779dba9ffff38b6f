package org.dialplane.launcher;

import sun.misc.Signal;

/**
 * Clean stop on SIGTERM and SIGINT with exit status 0. A JVM shutdown hook alone would stop the framework
 * too, but the process would then exit with 143, which service managers report as a failure.
 */
final class Signals {
    private Signals() {
    }

    static void onTermination(Runnable stop) {
        Runnable once = new Runnable() {
            private boolean stopping;

            @Override
            public synchronized void run() {
                if (!stopping) {
                    stopping = true;
                    stop.run();
                }
            }
        };
        for (String name : new String[] { "TERM", "INT" }) {
            Signal.handle(new Signal(name), signal -> new Thread(once, "dialplane-stop").start());
        }
    }
}
