/**
 * The Asterisk files IssabelPBX and Asterisk share with Dialplane: where they are ({@link AsteriskPaths}, one
 * configuration for every bundle), the mailboxes of {@code voicemail.conf} ({@link VoicemailConf}) and which
 * recording a CDR names ({@link MonitorFiles}). Resource bundles use these instead of their own file rules.
 */
@Export
@Version("1.0.0")
package org.dialplane.core.asterisk;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
