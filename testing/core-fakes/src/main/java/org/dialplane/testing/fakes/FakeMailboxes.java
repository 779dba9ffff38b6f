package org.dialplane.testing.fakes;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dialplane.core.asterisk.Mailbox;
import org.dialplane.core.asterisk.VoicemailConf;

/** voicemail.conf in memory, keyed by context and number; {@link #failing} makes every write fail as a full disk would. */
public final class FakeMailboxes implements VoicemailConf {
    public final Map<String, Mailbox> boxes = new LinkedHashMap<>();
    public boolean failing;

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public List<Mailbox> mailboxes() {
        return new ArrayList<>(boxes.values());
    }

    @Override
    public Optional<Mailbox> mailbox(String context, String number) {
        return Optional.ofNullable(boxes.get(context + "/" + number));
    }

    @Override
    public void put(Mailbox mailbox) {
        write();
        boxes.put(mailbox.context() + "/" + mailbox.number(), mailbox);
    }

    @Override
    public void putOnly(Mailbox mailbox) {
        deleteEverywhere(mailbox.number());
        put(mailbox);
    }

    @Override
    public boolean delete(String context, String number) {
        write();
        return boxes.remove(context + "/" + number) != null;
    }

    @Override
    public boolean deleteEverywhere(String number) {
        write();
        return boxes.keySet().removeIf(key -> key.endsWith("/" + number));
    }

    private void write() {
        if (failing) {
            throw new UncheckedIOException(new java.io.IOException("No space left on device"));
        }
    }
}
