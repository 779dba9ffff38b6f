/**
 * The in-process service of a resource that manages numbered PBX objects
 * ({@link org.dialplane.core.crud.CrudService}): what each CRUD bundle's {@code .api} package extends, so that the
 * MiRTA facade and vendor bundles can list, read and write any such resource the same way, without HTTP.
 */
@Export
@Version("1.0.0")
package org.dialplane.core.crud;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
