package org.dialplane.agents;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.pbx.Ownership;
import org.dialplane.core.rest.SqlFragment;

/** The SQL of agents: the caller's extensions and their devices' dial strings (IssabelPBX's {@code devices}). */
final class AgentRepository {
    /** The owner kind of extensions in {@code dp_tenant_objects}, as the extensions bundle records them. */
    static final String EXTENSION = "extension";

    private final Jdbc db;

    AgentRepository(Jdbc db) {
        this.db = db;
    }

    /** The dial string ({@code SIP/402}) of the extension's device, when it is an extension the caller sees. */
    Optional<String> dialOf(String extension, Caller caller) {
        SqlFragment sql = SqlFragment.of("SELECT d.dial FROM devices d JOIN users u ON u.extension = d.id")
                .append(SqlFragment.where(SqlFragment.of("d.id = ?", extension),
                        Ownership.visibleTo(caller, EXTENSION, "d.id")));
        List<String> dial = db.run(connection -> Jdbc.column(connection, sql));
        return dial.stream().filter(value -> value != null && !value.isBlank()).findFirst();
    }

    /** Every extension number of the caller's tenant: what decides which queue members it sees. */
    Set<String> extensionsOf(Caller caller) {
        SqlFragment sql = SqlFragment.of("SELECT u.extension FROM users u")
                .append(SqlFragment.where(Ownership.visibleTo(caller, EXTENSION, "u.extension")));
        return new HashSet<>(db.run(connection -> Jdbc.column(connection, sql)));
    }
}
