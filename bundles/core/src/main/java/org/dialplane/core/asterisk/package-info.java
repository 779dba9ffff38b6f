/**
 * The Asterisk files IssabelPBX and Asterisk share with Dialplane: where they are ({@link AsteriskPaths}, one
 * configuration for every bundle), the mailboxes of {@code voicemail.conf} ({@link VoicemailConf}), which
 * recording a CDR names ({@link MonitorFiles}) and Dialplane's own dialplan file, a section per bundle
 * ({@link DialplanFile}). Resource bundles use these instead of their own file rules.
 */
@Export
@Version("1.1.0")
package org.dialplane.core.asterisk;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
