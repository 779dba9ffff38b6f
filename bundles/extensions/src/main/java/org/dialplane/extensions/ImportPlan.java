package org.dialplane.extensions;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.jobs.ImportRows;
import org.dialplane.core.jobs.RowError;
import org.dialplane.core.pbx.Numbering;
import org.dialplane.core.pbx.Ownership;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Problem;
import org.dialplane.core.rest.Validation;
import org.dialplane.extensions.api.ExtensionChange;

/**
 * The rows of an import of extensions, checked before anything is written: each by the same field declaration as a
 * single create ({@link ExtensionFields#validation}), numbers unique inside the import, then against the database as
 * a PUT would be: an extension the caller sees is updated (its {@code tech} cannot change), a number another
 * tenant's extension or any other destination uses is refused, a new number must be inside the caller's range.
 */
final class ImportPlan {
    /** A row that passed: its line, the change, and whether it updates an existing extension. */
    record Planned(int line, ExtensionChange change, boolean existing) {
    }

    private ImportPlan() {
    }

    /** The rows' own checks; every problem goes to {@code errors}, the good rows come back. */
    static List<Planned> checked(List<ImportRows.Row> rows, String rowName, List<RowError> errors) {
        List<Planned> good = new ArrayList<>(rows.size());
        Map<String, Integer> firstLine = new HashMap<>();
        for (ImportRows.Row row : rows) {
            Validation v = ExtensionFields.validation(JsonBody.of(row.fields()), false);
            String number = v.value("extension");
            if (!row.fields().containsKey("extension")) {
                v.error("extension", "is required in an import");
            }
            if (number != null) {
                Integer first = firstLine.putIfAbsent(number, row.line());
                if (first != null) {
                    v.error("extension", number + " appears twice: first at " + rowName + " " + first);
                }
            }
            if (v.hasErrors()) {
                for (Problem.FieldError error : v.errors()) {
                    errors.add(new RowError(row.line(), error.field(), error.message()));
                }
            } else {
                good.add(new Planned(row.line(), ExtensionFields.change(v), false));
            }
        }
        return good;
    }

    /**
     * The rows as the database stands, read at once (not row by row): the ones that can be written, marked new or
     * existing; the others go to {@code errors}.
     */
    static List<Planned> against(Connection connection, List<Planned> rows, Caller caller, List<RowError> errors)
            throws SQLException {
        Map<String, String> visibleTech = new HashMap<>();
        SqlFragment sql = SqlFragment.of("SELECT u.extension, d.tech FROM users u LEFT JOIN devices d"
                + " ON d.id = u.extension").append(SqlFragment.where(ExtensionRepository.visible(caller)));
        for (Map<String, Object> row : Jdbc.rows(connection, sql)) {
            visibleTech.put((String) row.get("extension"), (String) row.get("tech"));
        }
        Set<String> taken = Numbering.taken(connection);
        Numbering.Range range = Ownership.range(connection, caller);
        List<Planned> writable = new ArrayList<>(rows.size());
        for (Planned row : rows) {
            ExtensionChange change = row.change();
            String number = change.extension();
            if (visibleTech.containsKey(number)) {
                String tech = visibleTech.get(number);
                if (change.tech() != null && !change.tech().equals(tech)) {
                    errors.add(new RowError(row.line(), "tech", "cannot be changed from " + tech
                            + "; delete the extension and create it again"));
                } else {
                    // The same tech as now (an export imported back) is no change.
                    writable.add(new Planned(row.line(), new ExtensionChange(number, change.name(), change.secret(),
                            null, change.ringtimer(), change.voicemail(), change.recording()), true));
                }
            } else if (taken.contains(number)) {
                errors.add(new RowError(row.line(), "extension", "number " + number + " is in use"));
            } else if (Long.parseLong(number) < range.start() || Long.parseLong(number) > range.end()) {
                errors.add(new RowError(row.line(), "extension", "outside your tenant's range " + range.start()
                        + "-" + range.end()));
            } else {
                writable.add(new Planned(row.line(), change, false));
            }
        }
        return writable;
    }
}
