package org.dialplane.voicemail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.dialplane.core.rest.FieldSet;
import org.dialplane.core.rest.FieldSpec;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.voicemail.api.VoicemailMessage;
import org.dialplane.voicemail.api.VoicemailMessages;

/**
 * The fields of a voicemail message (read from the spool, so no columns: never sorted or searched; listed by
 * folder, then number) and of the body that moves one. Every field is shown unless {@code fields=} chooses.
 */
final class MessageFields {
    /** A message id: Asterisk's {@code msg_id}, or {@code <folder>-<NNNN>} for a message without one. */
    static final Pattern ID = MessageTxt.ID;

    static final FieldSet FIELDS = FieldSet.builder()
            .field("id", null, FieldSpec.text().readOnly().description("Asterisk's msg_id, e.g. 1475685709-00000004"))
            .field("mailbox", null, FieldSpec.text().readOnly())
            .field("folder", null, FieldSpec.text().readOnly().oneOf(VoicemailMessages.FOLDERS))
            .field("number", null, FieldSpec.integer().readOnly().description("its place in the folder: msgNNNN"))
            .field("callerid_name", null, FieldSpec.text().readOnly())
            .field("callerid_num", null, FieldSpec.text().readOnly())
            .field("time", null, FieldSpec.text().readOnly().description("when it was left, ISO 8601 UTC"))
            .field("duration", null, FieldSpec.integer().readOnly().description("seconds"))
            .field("flag", null, FieldSpec.text().readOnly().description("Urgent, PRIORITY or empty"))
            .field("category", null, FieldSpec.text().readOnly())
            .field("origmailbox", null, FieldSpec.text().readOnly())
            .field("formats", null, FieldSpec.textList().readOnly()
                    .description("audio formats on disk: wav, WAV (GSM in WAV), gsm; empty without audio"))
            .field("readable", null, FieldSpec.bool().readOnly()
                    .description("false when the message's txt is not Asterisk's [message] format"))
            .build();

    /** The body of {@code PUT .../messages/{ids}}: where to move them. */
    static final FieldSet MOVE = FieldSet.builder()
            .field("folder", null, FieldSpec.text().required().oneOf(VoicemailMessages.FOLDERS)
                    .description("the folder to move the messages to; Old marks them heard"))
            .build();

    private MessageFields() {
    }

    /** A message as the API shows it. */
    static Map<String, Object> shown(String mailbox, VoicemailMessage message) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", message.id());
        row.put("mailbox", mailbox);
        row.put("folder", message.folder());
        row.put("number", message.number());
        row.put("callerid_name", message.callerName());
        row.put("callerid_num", message.callerNumber());
        row.put("time", message.time());
        row.put("duration", message.duration());
        row.put("flag", message.flag());
        row.put("category", message.category());
        row.put("origmailbox", message.origMailbox());
        row.put("formats", message.formats());
        row.put("readable", message.readable());
        return row;
    }

    /** The folder a move body names (422 naming {@code folder} when absent or unknown). */
    static String folder(JsonBody body) {
        return (String) MOVE.validate(body, true).get("folder");
    }

    /** A {@code folder=} query parameter: null for every folder. */
    static String folderFilter(List<String> values) {
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }
}
