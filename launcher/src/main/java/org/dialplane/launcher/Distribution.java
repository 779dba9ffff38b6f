package org.dialplane.launcher;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Where the distribution is installed and how a home directory is laid out. */
final class Distribution {
    private Distribution() {
    }

    /** The directory that holds {@code lib/} (with this launcher's jar) and {@code bundles/}. */
    static Path installDirectory() throws URISyntaxException {
        String explicit = System.getProperty("dialplane.install");
        if (explicit != null) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.getParent().getParent().toAbsolutePath().normalize();
    }

    /** This launcher's jar (with Felix beside it in lib/), or {@code null} when run from classes. */
    static Path launcherJar() {
        try {
            Path location = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? location : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Creates etc/, deploy/, data/ and log/ under the home directory. A new home gets the distribution's
     * default files from etc/; existing files are never overwritten.
     */
    static void prepareHome(Path install, Path home) throws IOException {
        for (String dir : new String[] { "etc", "deploy", "data", "log" }) {
            Files.createDirectories(home.resolve(dir));
        }
        Path defaults = install.resolve("etc");
        if (!Files.isDirectory(defaults) || defaults.equals(home.resolve("etc"))) {
            return;
        }
        try (Stream<Path> files = Files.list(defaults)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = home.resolve("etc").resolve(file.getFileName());
                if (Files.isRegularFile(file) && !Files.exists(target)) {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
