package org.dialplane.core.internal.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned migration of Dialplane's own {@code dp_} tables: a file {@code V<version>__<name>.sql}
 * under {@code db/migration/} of the core bundle, applied once, in version order.
 */
record Migration(int version, String name, String sql) {
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    /** The version and name of a migration file, or empty when the name is not one. */
    static Optional<Migration> fromFile(String fileName, String sql) {
        Matcher m = FILE_NAME.matcher(fileName.substring(fileName.lastIndexOf('/') + 1));
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Migration(Integer.parseInt(m.group(1)), m.group(2), sql));
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
