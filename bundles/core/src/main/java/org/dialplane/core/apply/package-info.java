/**
 * Applying the PBX configuration after writes: requests are coalesced so a burst of writes causes one apply.
 */
@Export
@Version("1.1.0")
package org.dialplane.core.apply;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
