/**
 * PBX-wide rules that several resources share: the numbering plan (which numbers are taken by any kind of
 * destination, and the next free one), which tenant owns an object, and the AstDB keys IssabelPBX keeps beside
 * its tables, and which extensions a live channel concerns.
 */
@Export
@Version("2.2.0")
package org.dialplane.core.pbx;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
