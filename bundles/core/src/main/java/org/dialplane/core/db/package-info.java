/**
 * Access to the PBX configuration database ({@code asterisk}) and the CDR database ({@code asteriskcdrdb}).
 */
@Export
@Version("1.1.0")
package org.dialplane.core.db;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
