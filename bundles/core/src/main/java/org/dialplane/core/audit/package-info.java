/**
 * The audit log: who wrote what, when, from where. Core records every write through {@code /pbxapi} itself (a
 * filter over every resource) and every login attempt; code serving requests outside core's REST application (a
 * servlet) records its writes with {@link org.dialplane.core.audit.AuditLog}. Entries hold names and ids, never
 * values or credentials. Since 1.0.
 */
@Export
@Version("1.0.0")
package org.dialplane.core.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
