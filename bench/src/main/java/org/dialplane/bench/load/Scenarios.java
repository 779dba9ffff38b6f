package org.dialplane.bench.load;

import java.util.List;

/**
 * Every load scenario, in the order they run. To measure a new endpoint, add one entry here and, when the
 * baseline does not serve its path yet, the equivalent servlet code in {@code baseline/} (see bench/README.md).
 */
public final class Scenarios {
    private static final Fixture EXTENSIONS = new SeededExtensions();

    public static final List<Scenario> ALL = List.of(
            Scenario.publicGet("health", "/pbxapi/system/health",
                    "GET /pbxapi/system/health: JSON from memory, no auth, no DB"),
            Scenario.publicGet("hello", "/pbxapi/vendor/hello",
                    "GET /pbxapi/vendor/hello: the example vendor bundle, hot-deployed"),
            new Scenario("extension-one", "GET /pbxapi/extensions/{n}: one pooled SELECT by key", true, 200,
                    (sequence, context) -> Request.get(
                            "/pbxapi/extensions/" + SeededExtensions.number(sequence, context)),
                    List.of(EXTENSIONS)),
            new Scenario("extension-page", "GET /pbxapi/extensions?limit=100&offset=...: a page and its total",
                    true, 200,
                    (sequence, context) -> Request.get("/pbxapi/extensions?limit=100&offset="
                            + SeededExtensions.pageOffset(sequence, 100, context)),
                    List.of(EXTENSIONS)),
            new Scenario("extension-last-page", "GET /pbxapi/extensions?limit=100&offset=<last>: the last page",
                    true, 200,
                    (sequence, context) -> Request.get("/pbxapi/extensions?limit=100&offset="
                            + Math.max(0, context.extensions() - 100)),
                    List.of(EXTENSIONS)),
            new Scenario("extension-cursor", "GET /pbxapi/extensions?limit=100&after=<cursor>: any page by cursor",
                    true, 200,
                    (sequence, context) -> Request.get("/pbxapi/extensions?limit=100&after=" + Cursors.after(
                            Integer.toString(SeededExtensions.FIRST - 1
                                    + SeededExtensions.pageOffset(sequence, 100, context)))),
                    List.of(EXTENSIONS)),
            new Scenario("extension-cursor-last", "GET /pbxapi/extensions?limit=100&after=<cursor>: the last page",
                    true, 200,
                    (sequence, context) -> Request.get("/pbxapi/extensions?limit=100&after=" + Cursors.after(
                            Integer.toString(SeededExtensions.FIRST - 1 + Math.max(0, context.extensions() - 100)))),
                    List.of(EXTENSIONS)),
            new Scenario("extension-all", "GET /pbxapi/extensions: every extension, unpaged (run with"
                    + " --extensions 1000)", true, 200,
                    (sequence, context) -> Request.get("/pbxapi/extensions"),
                    List.of(EXTENSIONS)),
            new Scenario("extension-create", "POST /pbxapi/extensions?reload=0: insert at the next free number",
                    true, 201,
                    (sequence, context) -> Request.postJson("/pbxapi/extensions?reload=0",
                            "{\"name\":\"Bench created\",\"voicemail\":\"novm\"}"),
                    List.of(EXTENSIONS)));

    private Scenarios() {
    }

    /** The scenarios named in {@code names} (all when empty), in the order of {@link #ALL}. */
    public static List<Scenario> select(List<String> names) {
        for (String name : names) {
            if (ALL.stream().noneMatch(s -> s.name().equals(name))) {
                throw new IllegalArgumentException("unknown scenario " + name + "; known: "
                        + ALL.stream().map(Scenario::name).toList());
            }
        }
        return names.isEmpty() ? ALL : ALL.stream().filter(s -> names.contains(s.name())).toList();
    }
}
