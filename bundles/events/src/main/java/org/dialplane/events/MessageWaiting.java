package org.dialplane.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.dialplane.core.ami.AmiEvent;

/**
 * {@code voicemail.new} and {@code voicemail.changed} from AMI's {@code MessageWaiting} ({@code Mailbox:
 * 1005@default}, {@code Waiting}, {@code New}, {@code Old}), which Asterisk sends whenever a mailbox's counts may
 * have changed: a message left, heard, moved or deleted, by a phone or through the API. The event says nothing of
 * why, so this remembers each mailbox's last {@code New} count: more new messages than last time is
 * {@code voicemail.new}, anything else {@code voicemail.changed}. A mailbox not heard of since the start counts
 * from zero. A tenant hears of the mailboxes numbered as its extensions.
 */
final class MessageWaiting {
    private final Map<String, Integer> lastNew = new ConcurrentHashMap<>();

    Optional<PbxEvents.Draft> from(AmiEvent event, Instant time) {
        if (!event.is("MessageWaiting") || event.get("Mailbox") == null) {
            return Optional.empty();
        }
        String full = event.get("Mailbox");
        int at = full.indexOf('@');
        String mailbox = at < 0 ? full : full.substring(0, at);
        String context = at < 0 ? "default" : full.substring(at + 1);
        Integer fresh = number(event.get("New"));
        Integer before = fresh == null ? null : lastNew.put(full, fresh);
        boolean arrived = fresh != null && fresh > (before == null ? 0 : before);
        String type = arrived ? PbxEvents.VOICEMAIL_NEW : PbxEvents.VOICEMAIL_CHANGED;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", type);
        data.put("time", time.toString());
        data.put("mailbox", mailbox);
        data.put("context", context);
        data.put("new", fresh);
        data.put("old", number(event.get("Old")));
        data.put("waiting", "1".equals(event.get("Waiting")) || "yes".equalsIgnoreCase(event.get("Waiting"))
                || "true".equalsIgnoreCase(event.get("Waiting")));
        return Optional.of(new PbxEvents.Draft(type, time, data, Set.of(mailbox)));
    }

    private static Integer number(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
