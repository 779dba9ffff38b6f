package org.dialplane.bench.load;

/**
 * Data a scenario needs before it runs, created once per run through the product's API (the baseline reads
 * the same database). When it cannot be created, the scenarios needing it are skipped with its message.
 */
public interface Fixture {

    /**
     * What the fixtures provide, for the request plans: how many extensions, and whether to create them or
     * trust that the database already holds them (a repeated run against an external database).
     */
    record Context(int extensions, boolean create) {
    }

    String name();

    /** Creates the data through {@code dialplane}; returns a line for the report. */
    String prepare(Target dialplane, Context context) throws SkippedException;

    /** A fixture or a probe could not be satisfied: the message says why, the scenario is skipped. */
    final class SkippedException extends Exception {
        public SkippedException(String message) {
            super(message);
        }
    }
}
