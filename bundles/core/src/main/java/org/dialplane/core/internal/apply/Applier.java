package org.dialplane.core.internal.apply;

/** One way of applying the PBX configuration. */
interface Applier {

    /** The method's name in the status: {@code command}, {@code ami-reload} or {@code none}. */
    String method();

    /** Applies, blocking until done or timed out; never throws. */
    Outcome apply();

    /** What one apply did. */
    record Outcome(String result, String error, String output) {
        static Outcome success(String output) {
            return new Outcome("success", null, output);
        }

        static Outcome failure(String error, String output) {
            return new Outcome("failure", error, output);
        }

        static Outcome skipped(String why) {
            return new Outcome("skipped", why, null);
        }

        boolean failed() {
            return "failure".equals(result);
        }
    }
}
