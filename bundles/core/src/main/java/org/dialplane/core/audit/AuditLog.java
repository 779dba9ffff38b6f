package org.dialplane.core.audit;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Records writes in the audit log ({@code dp_audit}, read with {@code GET /pbxapi/audit}). Recording never fails
 * and never waits for the database: entries are queued and written in batches by a thread of core's; when the
 * database is away they wait in a bounded queue (entries beyond it are dropped and counted in the log).
 */
@ProviderType
public interface AuditLog {
    /** Queues the entry; returns at once. */
    void record(AuditEntry entry);
}
