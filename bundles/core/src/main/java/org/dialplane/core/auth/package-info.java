/**
 * Who is calling. Resources read the {@link org.dialplane.core.auth.Caller} and declare what they need with
 * annotations; core authenticates every request and enforces scopes before a resource method runs:
 * every request needs a caller unless the method is {@link org.dialplane.core.auth.Public}; methods other than
 * GET, HEAD and OPTIONS need a read-write caller; {@link org.dialplane.core.auth.GlobalOnly} methods need a
 * global one. Objects of another tenant answer 404, as if absent. A resource declares itself with
 * {@link org.dialplane.core.auth.PbxResource} (served only while authentication is active) or, when all its
 * methods are public, {@link org.dialplane.core.auth.PublicResource}.
 * <p>
 * Code serving requests outside core's REST application authenticates API keys with
 * {@link org.dialplane.core.auth.ApiKeys}; {@link org.dialplane.core.auth.TenantAdmin} manages tenants for global
 * callers in the same container (both since 1.2).
 */
@Export
@Version("1.2.0")
package org.dialplane.core.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
