package org.dialplane.core.internal.asterisk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.dialplane.core.asterisk.AsteriskPaths;
import org.dialplane.core.asterisk.Mailbox;
import org.dialplane.core.asterisk.VoicemailConf;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link VoicemailConf} on the voicemail.conf the {@link AsteriskPaths} name at each call. */
@Component(service = VoicemailConf.class)
public class VoicemailConfComponent implements VoicemailConf {
    private final AsteriskPaths paths;

    @Activate
    public VoicemailConfComponent(@Reference AsteriskPaths paths) {
        this.paths = paths;
    }

    private VoicemailFile file() {
        return new VoicemailFile(paths.voicemailConf());
    }

    @Override
    public boolean available() {
        return file().available();
    }

    @Override
    public List<Mailbox> mailboxes() {
        VoicemailFile file = file();
        return file.available() ? file.read().mailboxes() : List.of();
    }

    @Override
    public Optional<Mailbox> mailbox(String context, String number) {
        return mailboxes().stream().filter(m -> m.context().equals(context) && m.number().equals(number))
                .findFirst();
    }

    @Override
    public void put(Mailbox mailbox) {
        put(mailbox, false);
    }

    @Override
    public void putOnly(Mailbox mailbox) {
        put(mailbox, true);
    }

    private void put(Mailbox mailbox, boolean only) {
        VoicemailLines.format(mailbox); // refuses bad values even where there is no file to write
        file().edit(lines -> {
            String before = lines.text();
            lines.put(mailbox, only);
            return !lines.text().equals(before);
        });
    }

    @Override
    public boolean delete(String context, String number) {
        Objects.requireNonNull(context, "context");
        return file().edit(lines -> lines.delete(context, number));
    }

    @Override
    public boolean deleteEverywhere(String number) {
        Objects.requireNonNull(number, "number");
        return file().edit(lines -> lines.delete(null, number));
    }
}
