package org.dialplane.bench.load;

import java.util.List;

/**
 * One measured case: which request to send as the n-th of a run, what status proves it worked, whether it
 * needs a bearer token, and which fixtures (e.g. seeded extensions) must exist first. Both targets get the
 * same requests; a scenario that either target cannot serve yet is skipped with the reason.
 */
public record Scenario(String name, String description, boolean authenticated, int expectedStatus,
        RequestPlan plan, List<Fixture> fixtures) {

    /** The request to send as the {@code sequence}-th of a run (sequences are shared by all connections). */
    @FunctionalInterface
    public interface RequestPlan {
        Request request(long sequence, Fixture.Context context);
    }

    /** A public GET of a fixed path with no fixtures. */
    public static Scenario publicGet(String name, String path, String description) {
        Request request = Request.get(path);
        return new Scenario(name, description, false, 200, (sequence, context) -> request, List.of());
    }
}
