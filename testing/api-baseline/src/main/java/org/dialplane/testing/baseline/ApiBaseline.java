package org.dialplane.testing.baseline;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.jar.Manifest;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.Baseline.Info;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import aQute.bnd.osgi.Resource;

/**
 * Semantic versioning of a bundle's exported packages, checked against the API as last released: bnd's baseline
 * compares the classes and manifest that bnd-maven-plugin left in {@code target/classes} with a baseline jar kept
 * in the module ({@code src/test/baseline/api.jar}) and reports every package whose change needs a higher version
 * than it declares (a removed method without a major bump, an added one without a minor bump, ...).
 * <p>
 * Only the package versions are checked, not the bundle's: every bundle carries the product's version.
 * To release an API (make the current one the new baseline), run the bundle's tests with
 * {@code -Dapi.baseline.update=true}: the baseline jar is rewritten with the exported packages only.
 */
public final class ApiBaseline {
    /** System property that rewrites the baseline instead of checking against it. */
    public static final String UPDATE = "api.baseline.update";
    /** Where a module keeps its baseline, relative to the module. */
    public static final Path DEFAULT_BASELINE = Path.of("src/test/baseline/api.jar");
    /** Where bnd-maven-plugin leaves the bundle's classes and manifest before the tests run. */
    public static final Path CLASSES = Path.of("target/classes");

    private ApiBaseline() {
    }

    /** The mismatches of this module against its baseline, one line each; empty when the versions are right. */
    public static List<String> problems() throws Exception {
        return problems(CLASSES, DEFAULT_BASELINE);
    }

    /**
     * The mismatches of the bundle in {@code classes} against {@code baseline}; empty when every exported package's
     * version is high enough for its change. With {@value #UPDATE} set, writes the baseline and reports nothing.
     */
    public static List<String> problems(Path classes, Path baseline) throws Exception {
        if (Boolean.getBoolean(UPDATE)) {
            write(classes, baseline);
            return List.of();
        }
        if (!Files.isRegularFile(baseline)) {
            return List.of("no baseline at " + baseline.toAbsolutePath() + "; create it with -D" + UPDATE + "=true");
        }
        try (Processor processor = new Processor();
                Jar newer = new Jar(classes.toFile());
                Jar older = new Jar(baseline.toFile())) {
            Baseline baseliner = new Baseline(processor, new DiffPluginImpl());
            Set<Info> infos = baseliner.baseline(newer, older, null);
            List<String> problems = new ArrayList<>();
            infos.stream().filter(info -> info.mismatch).sorted(Comparator.comparing(info -> info.packageName))
                    .forEach(info -> problems.add(info.packageName + ": " + info.packageDiff.getDelta() + " change, "
                            + "version " + info.newerVersion + " (was " + info.olderVersion + "), needs at least "
                            + info.suggestedVersion));
            problems.addAll(processor.getErrors());
            return problems;
        }
    }

    /** Writes a jar of the exported packages' classes and the manifest: all the baseline needs, nothing private. */
    private static void write(Path classes, Path baseline) throws Exception {
        try (Jar bundle = new Jar(classes.toFile()); Jar api = new Jar(baseline.getFileName().toString())) {
            Manifest manifest = bundle.getManifest();
            Set<String> exported = new Parameters(manifest.getMainAttributes().getValue(Constants.EXPORT_PACKAGE))
                    .keySet();
            for (String pkg : exported) {
                String dir = pkg.replace('.', '/');
                for (var entry : bundle.getDirectories().getOrDefault(dir, java.util.Map.of()).entrySet()) {
                    Resource resource = entry.getValue();
                    api.putResource(entry.getKey(), resource);
                }
            }
            api.setManifest(manifest);
            Files.createDirectories(baseline.toAbsolutePath().getParent());
            api.write(new File(baseline.toAbsolutePath().toString()));
        }
    }
}
