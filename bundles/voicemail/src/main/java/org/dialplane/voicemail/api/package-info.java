/**
 * Voicemail as a service, for callers in the same framework: the {@code /pbxapi/voicemail} resources, the MiRTA
 * facade (VOICEMAIL list, messages, message) and vendor bundles. {@link org.dialplane.voicemail.api.VoicemailService}
 * manages the mailboxes of voicemail.conf as {@link org.dialplane.core.crud.CrudService} says;
 * {@link org.dialplane.voicemail.api.VoicemailMessages} reads, moves and deletes the messages app_voicemail keeps
 * in the spool, under app_voicemail's own folder lock. Both act for a {@link org.dialplane.core.auth.Caller} with
 * the same rules, answers and errors ({@link org.dialplane.core.rest.ApiException}) as the REST resources.
 */
@Export
@Version("1.0.0")
package org.dialplane.voicemail.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
