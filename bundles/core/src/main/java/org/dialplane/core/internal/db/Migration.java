package org.dialplane.core.internal.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One versioned migration of Dialplane's own {@code dp_} tables: a file {@code V<version>__<name>.sql}
 * under {@code db/migration/} of the core bundle (or of a resource bundle, for its own tables), applied once, in
 * version order.
 */
record Migration(int version, String name, String sql) {
    private static final Logger LOG = LoggerFactory.getLogger(Migration.class);
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    /** The version and name of a migration file, or empty when the name is not one. */
    static Optional<Migration> fromFile(String fileName, String sql) {
        Matcher m = FILE_NAME.matcher(fileName.substring(fileName.lastIndexOf('/') + 1));
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Migration(Integer.parseInt(m.group(1)), m.group(2), sql));
    }

    /** The migrations a bundle ships under {@code db/migration/} (read from the bundle: it has no class path to scan). */
    static List<Migration> shippedIn(Bundle bundle) {
        Enumeration<URL> entries = bundle.findEntries("db/migration", "V*.sql", false);
        List<Migration> migrations = new ArrayList<>();
        for (URL url : entries == null ? List.<URL>of() : Collections.list(entries)) {
            Migration.fromFile(url.getPath(), read(url)).ifPresentOrElse(migrations::add,
                    () -> LOG.warn("Ignoring {} in {}: not named V<number>__<name>.sql", url.getPath(),
                            bundle.getSymbolicName()));
        }
        return migrations;
    }

    private static String read(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + url, e);
        }
    }

    /** Sorted by version; two files with the same version are a packaging error, not a choice to make. */
    static List<Migration> ordered(List<Migration> migrations) {
        List<Migration> sorted = new ArrayList<>(migrations);
        sorted.sort(Comparator.comparingInt(Migration::version));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).version() == sorted.get(i - 1).version()) {
                throw new IllegalStateException("Two migrations have version " + sorted.get(i).version() + ": "
                        + sorted.get(i - 1).name() + " and " + sorted.get(i).name());
            }
        }
        return sorted;
    }

    /** Recorded with the version, so that an edited file that was already applied can be reported. */
    String checksum() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
