package org.dialplane.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Felix's bundle cache ({@code data/cache}), kept between starts while the installation is unchanged: installing
 * the bundles again (copying every jar into the cache, reading their manifests) was a good part of every start.
 * What "unchanged" means is a fingerprint of the bundles to install (location, start level, size and modification
 * time of each jar, in order) and of the launcher jar (the framework), written next to the cache once a start
 * has installed and started them all. Any difference (an upgrade, another feature list) or a missing fingerprint
 * (a first start, a start that failed half-way) empties the cache, so what runs is always what the features say,
 * plus what deploy/ holds. Deleting {@code data/cache} forces a rebuild.
 */
final class BundleCache {
    private final Path directory;
    private final Path fingerprintFile;
    private final String fingerprint;

    BundleCache(Path directory, Path repository, List<FeatureFile.BundleRef> bundles) throws IOException {
        this.directory = directory;
        this.fingerprintFile = directory.resolveSibling(directory.getFileName() + ".fingerprint");
        this.fingerprint = fingerprint(repository, bundles);
    }

    /** Whether the cache holds exactly these bundles; if not, it is emptied (and its fingerprint removed) now. */
    boolean reusable() throws IOException {
        if (Files.isDirectory(directory) && Files.isRegularFile(fingerprintFile)
                && fingerprint.equals(Files.readString(fingerprintFile, StandardCharsets.UTF_8).trim())) {
            return true;
        }
        Files.deleteIfExists(fingerprintFile);
        deleteTree(directory);
        return false;
    }

    /** Records that the cache now holds these bundles, installed and started. */
    void remember() throws IOException {
        Path temporary = fingerprintFile.resolveSibling(fingerprintFile.getFileName() + ".tmp");
        Files.writeString(temporary, fingerprint + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, fingerprintFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Forgets the cache, so that the next start rebuilds it (a start whose bundles did not all start). */
    void forget() throws IOException {
        Files.deleteIfExists(fingerprintFile);
    }

    static String fingerprint(Path repository, List<FeatureFile.BundleRef> bundles) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, "launcher " + describe(Distribution.launcherJar()));
            for (FeatureFile.BundleRef ref : bundles) {
                update(digest, ref.url() + " " + ref.startLevel() + " " + describe(repository.resolve(ref.repositoryPath())));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String describe(Path file) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            return "absent";
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return attributes.size() + " " + attributes.lastModifiedTime().toMillis();
    }

    private static void update(MessageDigest digest, String line) {
        digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
