package org.dialplane.voicemail.api;

import org.dialplane.core.crud.CrudService;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The mailboxes of Asterisk's voicemail.conf, as IssabelPBX writes them, with the rules of {@link CrudService}; a
 * mailbox's number is its id. Specific to mailboxes: a mailbox belongs to the extension with its number (and so to
 * that extension's tenant), which must exist (422 without); the PIN is required to create one; the list and the
 * items carry the {@code new}, {@code old} and {@code urgent} message counts of the spool. A write keeps the
 * extension's {@code users.voicemail} column (and its AstDB key) on the mailbox's context, {@code novm} after a
 * delete. Deleting a mailbox leaves its messages in the spool.
 */
@ProviderType
public interface VoicemailService extends CrudService<MailboxChange> {
}
