/**
 * Shared REST plumbing for resource bundles: problem+json errors and media types.
 */
@Export
@Version("1.0.0")
package org.dialplane.core.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
