package org.dialplane.cdr.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A checked list or export request, built by {@link RecordService#query}: what to show, which rows, and for whom.
 * Immutable; it carries no SQL a caller could change.
 */
@ProviderType
public interface RecordQuery {

    /** The fields shown, in order (without the admin format's {@code tenant}). */
    List<String> fields();

    /** The page size (1 to 1000), or empty for every row. */
    Optional<Integer> limit();

    /** Whether the answer counts the rows matching ({@code total=true}). */
    boolean total();

    /**
     * The one tenant the rows are for, when there is one: then CSV and XML are written in the tenant format. Empty
     * when the rows are every tenant's ({@code tenant=%} or {@code *}, or no tenant from a global caller): CSV and
     * XML are then in the admin format, whose first column is the row's {@code tenant}.
     */
    Optional<String> tenant();

    /** A file name for an export in the format: {@code cdrs-DEVEL-2017-01-01-2017-02-01.csv}. */
    String fileName(ExportFormat format);
}
