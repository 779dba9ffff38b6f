package org.dialplane.cdr.api;

import java.util.Locale;
import java.util.Optional;

/** The formats rows are written in, by {@code format=} or the {@code Accept} header. */
public enum ExportFormat {
    JSON("application/json", "json"),
    /** RFC 4180, UTF-8, with a header row; cells a spreadsheet would run as a formula are neutralised. */
    CSV("text/csv", "csv"),
    XML("application/xml", "xml");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The file name extension: {@code csv}. */
    public String extension() {
        return extension;
    }

    /** The format a {@code format=} value names ({@code json}, {@code csv}, {@code xml}, any case). */
    public static Optional<ExportFormat> named(String name) {
        for (ExportFormat format : values()) {
            if (format.extension.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
