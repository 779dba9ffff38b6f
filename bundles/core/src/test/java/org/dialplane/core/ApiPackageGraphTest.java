package org.dialplane.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The shape of core's exported API, which third-party bundles build on: no exported package reaches into
 * {@code .internal}, the exported packages form no cycle, and {@code db} depends on no other Dialplane package
 * ({@code rest -> db}, {@code pbx -> db}, never back). Read from the sources, so a violation fails the build
 * before anything is packaged.
 */
class ApiPackageGraphTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final String CORE = "org.dialplane.core.";
    private static final Pattern REFERENCE = Pattern.compile("\\b(org\\.dialplane\\.core\\.[a-z][a-z0-9_.]*)\\.[A-Z]");

    @Test
    void whenExportedPackagesAreRead_thenNoneReferencesInternal() {
        Map<String, Set<String>> graph = exportedGraph();
        assertTrue(graph.size() >= 6, "exported packages found: " + graph.keySet());
        graph.forEach((from, targets) -> targets.forEach(to -> assertTrue(!to.contains(".internal"),
                from + " must not use " + to)));
    }

    @Test
    void whenExportedPackagesAreRead_thenDbDependsOnNoOtherDialplanePackage() {
        assertEquals(Set.of(), exportedGraph().get(CORE + "db"));
    }

    @Test
    void whenExportedPackagesAreRead_thenTheyFormNoCycle() {
        Map<String, Set<String>> graph = exportedGraph();
        for (String start : graph.keySet()) {
            List<String> path = cycleFrom(start, start, graph, new ArrayList<>(List.of(start)), new TreeSet<>());
            assertTrue(path.isEmpty(), "package cycle: " + String.join(" -> ", path));
        }
    }

    private static List<String> cycleFrom(String start, String at, Map<String, Set<String>> graph, List<String> path,
            Set<String> seen) {
        for (String next : graph.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> found = cycleFrom(start, next, graph, path, seen);
                if (!found.isEmpty()) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return List.of();
    }

    /** Each exported package (a package-info with {@code @Export}) and the other core packages its sources name. */
    private static Map<String, Set<String>> exportedGraph() {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Path> infos = files.filter(f -> f.getFileName().toString().equals("package-info.java")).toList();
            for (Path info : infos) {
                if (!read(info).contains("@Export")) {
                    continue;
                }
                String pkg = SOURCES.relativize(info.getParent()).toString().replace('/', '.');
                Set<String> targets = new TreeSet<>();
                try (Stream<Path> sources = Files.list(info.getParent())) {
                    sources.filter(f -> f.toString().endsWith(".java")).forEach(source -> {
                        Matcher m = REFERENCE.matcher(read(source));
                        while (m.find()) {
                            if (!m.group(1).equals(pkg)) {
                                targets.add(m.group(1));
                            }
                        }
                    });
                }
                graph.put(pkg, targets);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
