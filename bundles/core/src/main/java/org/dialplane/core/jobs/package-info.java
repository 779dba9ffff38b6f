/**
 * Background jobs that write many rows at once (a bulk import of extensions or ring groups): a resource validates
 * the whole request, then {@link org.dialplane.core.jobs.Jobs#start starts} the write and answers 202 with the
 * job, whose progress {@code GET /pbxapi/jobs/{id}} shows while it runs and for an hour after; each change is also
 * handed to every registered {@link org.dialplane.core.jobs.JobListener} (the events bundle publishes it on
 * {@code /pbxapi/events}, so core never depends on that bundle). {@link org.dialplane.core.jobs.ImportRows} reads
 * an import's body, CSV or a JSON array, into rows named by their line (CSV) or index (JSON).
 */
@Export
@Version("1.1.0")
package org.dialplane.core.jobs;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
