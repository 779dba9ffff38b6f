/**
 * Call detail records and queue logs as services, for callers in the same framework: the {@code /pbxapi/cdrs}
 * and {@code /pbxapi/queuelogs} resources, the MiRTA facade (INFO CDRS, INFO QUEUELOGS) and vendor bundles.
 * {@link org.dialplane.cdr.api.CdrService} and {@link org.dialplane.cdr.api.QueueLogService} do what the REST
 * resources do, with the same rules, answers and errors ({@link org.dialplane.core.rest.ApiException}), for a
 * {@link org.dialplane.core.auth.Caller} the calling bundle has authenticated.
 */
@Export
@Version("1.0.0")
package org.dialplane.cdr.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
