package org.dialplane.voicemail.api;

import java.util.List;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.ApiException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The messages app_voicemail keeps in {@code <spool>/voicemail/<context>/<mailbox>/<folder>/}, for a caller who
 * may see the mailbox (another tenant's mailbox, or one that is not in voicemail.conf, is a 404). Changes take
 * app_voicemail's folder lock and leave every folder as app_voicemail expects it: messages numbered from
 * {@code msg0000} without gaps, every file of a message (txt and each audio format) moved together. After a change,
 * Asterisk is told (AMI {@code VoicemailRefresh}) when AMI is connected.
 */
@ProviderType
public interface VoicemailMessages {
    /** The folders served, in the order a mailbox's messages are listed. */
    List<String> FOLDERS = List.of("INBOX", "Old", "Urgent", "Work", "Family", "Friends");
    /** The audio formats served, in the order one is chosen when the client takes any. */
    List<String> FORMATS = List.of("wav", "WAV", "gsm");

    /** The message counts of every mailbox the caller sees (MiRTA VOICEMAIL list). */
    List<MailboxCounts> counts(Caller caller);

    /**
     * The messages of a mailbox in one folder, or in every folder of {@link #FOLDERS} when {@code folder} is null.
     *
     * @throws ApiException 404 for a mailbox the caller has not, 422 for a folder not in {@link #FOLDERS}
     */
    List<VoicemailMessage> messages(String mailbox, String folder, Caller caller);

    /**
     * One message by its id.
     *
     * @throws ApiException 404 for a mailbox or message there is not
     */
    VoicemailMessage message(String mailbox, String id, Caller caller);

    /**
     * The message's audio in the first of {@code formats} it has (all of {@link #FORMATS} when empty).
     *
     * @throws ApiException 404 when the message is not there or has none of those formats
     */
    MessageAudio audio(String mailbox, String id, List<String> formats, Caller caller);

    /**
     * Moves messages to another folder (to {@code Old}: marked as heard), each at the end of it.
     *
     * @throws ApiException 404 naming ids there are not (nothing is moved), 403 for a read-only caller,
     *                      503 when app_voicemail holds a folder's lock too long
     */
    void move(String mailbox, List<String> ids, String folder, Caller caller);

    /**
     * Deletes messages with every file of theirs, all or none.
     *
     * @throws ApiException 404 naming ids there are not (nothing is deleted), 403 for a read-only caller,
     *                      503 when app_voicemail holds a folder's lock too long
     */
    void delete(String mailbox, List<String> ids, Caller caller);
}
