package org.dialplane.voicemail.api;

import java.util.List;

/**
 * One message of a mailbox, as app_voicemail's {@code msgNNNN.txt} describes it (REST answers it with the names
 * of {@code MessageFields}: {@code callerid_name}, {@code callerid_num}, ...).
 *
 * @param id           Asterisk's {@code msg_id} ({@code 1475685709-00000004}); for a message written before
 *                     Asterisk had one, or whose txt is unreadable, {@code <folder>-<number>} (which changes when
 *                     the folder is renumbered)
 * @param folder       {@code INBOX}, {@code Old}, {@code Urgent}, ...
 * @param number       its place in the folder, {@code 0} for {@code msg0000}
 * @param callerName   the caller's name from {@code callerid}, or null
 * @param callerNumber the caller's number from {@code callerid}, or null
 * @param time         when it was left, ISO 8601 in UTC from {@code origtime}, or null
 * @param duration     seconds, or null
 * @param flag         {@code Urgent}, {@code PRIORITY} or empty
 * @param category     the txt's {@code category}, or null
 * @param origMailbox  the mailbox it was left for ({@code origmailbox}), or null
 * @param formats      the audio files there are ({@code wav}, {@code WAV}, {@code gsm}); empty without audio
 * @param readable     false when the txt could not be read as Asterisk's {@code [message]} format
 */
public record VoicemailMessage(String id, String folder, int number,
        String callerName, String callerNumber,
        String time, Integer duration, String flag, String category, String origMailbox,
        List<String> formats, boolean readable) {

    public VoicemailMessage {
        formats = formats == null ? List.of() : List.copyOf(formats);
    }
}
