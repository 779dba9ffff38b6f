package org.dialplane.mirta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.ApiException;
import org.dialplane.voicemail.api.MailboxCounts;
import org.dialplane.voicemail.api.MessageAudio;
import org.dialplane.voicemail.api.VoicemailMessage;
import org.dialplane.voicemail.api.VoicemailMessages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code VOICEMAIL action=list|messages|message}: the tenant's mailboxes with their counts, a mailbox's messages,
 * and a message's audio, through the voicemail bundle's {@link VoicemailMessages} (the same as
 * {@code /pbxapi/voicemail}, {@code .../{mailbox}/messages} and {@code .../messages/{msgid}/audio}). The seed shows
 * no body for list and messages: they answer JSON arrays of rows with string values, as MANAGEDB's reads.
 */
@Component(service = Reqtype.class)
public class VoicemailReqtype implements Reqtype {
    static final Pattern MAILBOX = Pattern.compile("[0-9]{1,20}");
    /** app_voicemail's msg_id ({@code 1475685709-00000004}), or the voicemail bundle's id of a message without. */
    static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final List<String> ACTIONS = List.of("LIST", "MESSAGES", "MESSAGE");

    private final VoicemailMessages messages;

    @Activate
    public VoicemailReqtype(@Reference VoicemailMessages messages) {
        this.messages = messages;
    }

    @Override
    public String reqtype() {
        return "VOICEMAIL";
    }

    @Override
    public boolean writes(ProxyRequest request) {
        return false;
    }

    @Override
    public String help() {
        return """
                VOICEMAIL    - Read voicemail
                               Additional parameters:
                               tenant - name of the tenant
                               action - list (every mailbox with its new, old and urgent counts),
                                        messages (the messages of mailbox), message (the audio of msgid in mailbox)
                               mailbox - mailbox number, for messages and message
                               msgid - message id (as messages lists it), for message
                """;
    }

    @Override
    public Answer handle(ProxyRequest request, Caller caller) {
        String action = request.upper("action");
        if (action == null || !ACTIONS.contains(action)) {
            throw ApiException.badRequest((action == null ? "Missing parameter action" : "Unknown action '"
                    + Answer.oneLine(request.get("action")) + "'") + " for reqtype VOICEMAIL; one of "
                    + String.join(", ", ACTIONS));
        }
        if (action.equals("LIST")) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (MailboxCounts counts : messages.counts(caller)) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("mailbox", counts.mailbox());
                row.put("context", counts.context());
                row.put("new", Integer.toString(counts.fresh()));
                row.put("old", Integer.toString(counts.old()));
                row.put("urgent", Integer.toString(counts.urgent()));
                rows.add(row);
            }
            return new Answer.Document(200, rows);
        }
        String mailbox = request.requiredMatching("mailbox", MAILBOX, "a mailbox number");
        if (action.equals("MESSAGES")) {
            return new Answer.Document(200, messages.messages(mailbox, null, caller).stream()
                    .map(VoicemailReqtype::row).toList());
        }
        String id = request.requiredMatching("msgid", MESSAGE_ID, "a message id as action=messages lists it");
        MessageAudio audio = messages.audio(mailbox, id, VoicemailMessages.FORMATS, caller);
        return Answer.File.existing(audio.file(), audio.contentType(), "The audio of this message is gone");
    }

    /** A message as a row: the txt's fields app_voicemail writes, as text. */
    static Map<String, String> row(VoicemailMessage message) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("msgid", message.id());
        row.put("folder", message.folder());
        row.put("callerid_name", text(message.callerName()));
        row.put("callerid_num", text(message.callerNumber()));
        row.put("time", text(message.time()));
        row.put("duration", message.duration() == null ? "" : message.duration().toString());
        row.put("flag", text(message.flag()));
        row.put("category", text(message.category()));
        row.put("origmailbox", text(message.origMailbox()));
        row.put("formats", String.join(",", message.formats()));
        return row;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

}
