package org.dialplane.core.pbx;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;

/**
 * The extensions' devices in IssabelPBX's {@code devices} table, as the live-call features need them: which
 * extensions a caller may act for, and how Asterisk dials each one.
 */
public final class Devices {
    /** The owner kind of extensions in {@code dp_tenant_objects}, as the extensions bundle records them. */
    public static final String EXTENSION = "extension";

    private Devices() {
    }

    /** The dial string ({@code SIP/402}) of the extension's device, when it is an extension the caller sees. */
    public static Optional<String> dialOf(Jdbc db, String extension, Caller caller) {
        SqlFragment sql = SqlFragment.of("SELECT d.dial FROM devices d JOIN users u ON u.extension = d.id")
                .append(SqlFragment.where(SqlFragment.of("d.id = ?", extension),
                        Ownership.visibleTo(caller, EXTENSION, "d.id")));
        List<String> dial = db.run(connection -> Jdbc.column(connection, sql));
        return dial.stream().filter(value -> value != null && !value.isBlank()).findFirst();
    }

    /** Every extension number of the caller's tenant; null for a global caller, who sees them all. */
    public static Set<String> extensionsOf(Jdbc db, Caller caller) {
        if (caller.global()) {
            return null;
        }
        SqlFragment sql = SqlFragment.of("SELECT u.extension FROM users u")
                .append(SqlFragment.where(Ownership.visibleTo(caller, EXTENSION, "u.extension")));
        return new HashSet<>(db.run(connection -> Jdbc.column(connection, sql)));
    }
}
