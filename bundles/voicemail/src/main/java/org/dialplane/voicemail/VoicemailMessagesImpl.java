package org.dialplane.voicemail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import org.dialplane.core.ami.Ami;
import org.dialplane.core.asterisk.AsteriskPaths;
import org.dialplane.core.asterisk.Mailbox;
import org.dialplane.core.asterisk.VoicemailConf;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Database;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.pbx.AstDb;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.FileResponse;
import org.dialplane.core.rest.Problem;
import org.dialplane.voicemail.VoicemailSpool.Folder;
import org.dialplane.voicemail.VoicemailSpool.MessageFiles;
import org.dialplane.voicemail.api.MailboxCounts;
import org.dialplane.voicemail.api.MessageAudio;
import org.dialplane.voicemail.api.VoicemailMessage;
import org.dialplane.voicemail.api.VoicemailMessages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The messages service. Ids are only ever compared with the ids read from the folders; paths come from
 * {@link VoicemailSpool}. Changes go through {@link FolderChanges} under app_voicemail's folder locks, where the
 * ids are matched again; then Asterisk is told ({@link MailboxRefresh}). Public only because DS instantiates it.
 */
@Component(service = VoicemailMessages.class)
public class VoicemailMessagesImpl implements VoicemailMessages {
    private static final String NOUN = "message";

    private final MailboxRepository mailboxes;
    private final VoicemailSpool spool;
    private final FolderChanges changes;
    private final MailboxRefresh refresh;

    @Activate
    public VoicemailMessagesImpl(@Reference Database database, @Reference AstDb astDb, @Reference VoicemailConf conf,
            @Reference AsteriskPaths paths, @Reference Ami ami) {
        this.mailboxes = new MailboxRepository(new Jdbc(database.pbx()), astDb, conf);
        this.spool = new VoicemailSpool(paths);
        this.changes = new FolderChanges(spool);
        this.refresh = new MailboxRefresh(ami);
    }

    /** Where a message is: its folder and number, and what its txt says. */
    private record Located(String folder, int number, VoicemailMessage message, MessageFiles files) {
    }

    @Override
    public List<MailboxCounts> counts(Caller caller) {
        return mailboxes.visible(caller).stream().map(spool::counts).toList();
    }

    @Override
    public List<VoicemailMessage> messages(String mailbox, String folder, Caller caller) {
        Mailbox box = mailbox(mailbox, caller);
        List<String> folders = folder == null ? FOLDERS : List.of(folder(folder));
        return locate(box, folders).values().stream().map(Located::message).toList();
    }

    @Override
    public VoicemailMessage message(String mailbox, String id, Caller caller) {
        return find(mailbox(mailbox, caller), id).message();
    }

    @Override
    public MessageAudio audio(String mailbox, String id, List<String> formats, Caller caller) {
        Located located = find(mailbox(mailbox, caller), id);
        for (String format : formats.isEmpty() ? FORMATS : formats) {
            Path file = located.files().audio().get(format);
            if (file != null && Files.isReadable(file)) {
                try {
                    Path real = file.toRealPath();
                    return new MessageAudio(real, format, FileResponse.contentType(file.getFileName().toString()));
                } catch (IOException e) {
                    break; // renumbered or deleted meanwhile
                }
            }
        }
        throw ApiException.notFound("No audio of message " + id + (formats.isEmpty() ? "" : " as "
                + String.join(" or ", formats)));
    }

    @Override
    public void move(String mailbox, List<String> ids, String folder, Caller caller) {
        caller.requireWriter();
        Mailbox box = mailbox(mailbox, caller);
        String target = folder(folder);
        Map<String, Located> where = requireAll(box, ids);
        List<String> sources = folders(where, ids).stream().filter(f -> !f.equals(target)).toList();
        if (sources.isEmpty()) {
            return; // already there
        }
        List<Folder> locked = new ArrayList<>(sources.stream().map(f -> folderOf(box, f)).toList());
        locked.add(createFolder(box, target));
        changes.locked(locked, (folders, messages) -> {
            Map<String, Located> now = requireAllLocked(messages, ids);
            for (String source : sources) {
                List<Integer> numbers = numbersIn(now, ids, source);
                FolderChanges.moveAll(messages.get(source), numbers, folders.get(target), messages.get(target));
                FolderChanges.renumber(folders.get(source), messages.get(source));
            }
        });
        refresh.changed(box);
    }

    @Override
    public void delete(String mailbox, List<String> ids, Caller caller) {
        caller.requireWriter();
        Mailbox box = mailbox(mailbox, caller);
        Map<String, Located> where = requireAll(box, ids);
        List<String> involved = folders(where, ids);
        changes.locked(involved.stream().map(f -> folderOf(box, f)).toList(), (folders, messages) -> {
            Map<String, Located> now = requireAllLocked(messages, ids);
            for (String folder : involved) {
                FolderChanges.deleteAll(messages.get(folder), numbersIn(now, ids, folder));
                FolderChanges.renumber(folders.get(folder), messages.get(folder));
            }
        });
        refresh.changed(box);
    }

    /** The caller's mailbox; 404 for one it has not (another tenant's included). */
    private Mailbox mailbox(String number, Caller caller) {
        return mailboxes.find(number, caller).orElseThrow(() -> ApiException.notFound("No mailbox " + number));
    }

    /** One of {@link #FOLDERS}, as the request spelled it; a 422 naming {@code folder} otherwise. */
    private static String folder(String folder) {
        if (folder == null || !FOLDERS.contains(folder)) {
            throw ApiException.invalid(List.of(new Problem.FieldError("folder", "must be one of: "
                    + String.join(", ", FOLDERS))));
        }
        return folder;
    }

    /** Every message of the folders by id, the first of an id kept (folders in order, then numbers). */
    private Map<String, Located> locate(Mailbox mailbox, List<String> folders) {
        Map<String, Located> found = new LinkedHashMap<>();
        for (String folder : folders) {
            Optional<Folder> directory = spool.folder(mailbox, folder);
            directory.ifPresent(d -> spool.messages(d).values().forEach(files -> {
                VoicemailMessage message = MessageTxt.read(folder, files);
                found.putIfAbsent(message.id(), new Located(folder, files.number(), message, files));
            }));
        }
        return found;
    }

    private Located find(Mailbox mailbox, String id) {
        Located located = locate(mailbox, FOLDERS).get(id);
        if (located == null) {
            throw ApiException.notFound("No message " + id + " in mailbox " + mailbox.number());
        }
        return located;
    }

    private Map<String, Located> requireAll(Mailbox mailbox, List<String> ids) {
        Map<String, Located> where = locate(mailbox, FOLDERS);
        List<String> missing = ids.stream().filter(id -> !where.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw ApiException.notFound("No " + NOUN + " " + String.join(", ", missing) + " in mailbox "
                    + mailbox.number());
        }
        return where;
    }

    /** The ids read again under the locks; one gone meanwhile (Asterisk moved it) is a 404 and nothing changes. */
    private static Map<String, Located> requireAllLocked(Map<String, SortedMap<Integer, MessageFiles>> messages,
            List<String> ids) {
        Map<String, Located> now = new LinkedHashMap<>();
        messages.forEach((folder, files) -> files.values().forEach(f -> {
            VoicemailMessage message = MessageTxt.read(folder, f);
            now.putIfAbsent(message.id(), new Located(folder, f.number(), message, f));
        }));
        List<String> missing = ids.stream().filter(id -> !now.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw ApiException.notFound("No " + NOUN + " " + String.join(", ", missing) + " any more");
        }
        return now;
    }

    /** The folders the ids are in, in {@link #FOLDERS} order: the order they are locked in. */
    private static List<String> folders(Map<String, Located> where, List<String> ids) {
        LinkedHashSet<String> involved = new LinkedHashSet<>();
        ids.forEach(id -> involved.add(where.get(id).folder()));
        return FOLDERS.stream().filter(involved::contains).toList();
    }

    private static List<Integer> numbersIn(Map<String, Located> now, List<String> ids, String folder) {
        return ids.stream().map(now::get).filter(l -> l.folder().equals(folder)).map(Located::number).distinct()
                .sorted().toList();
    }

    private Folder folderOf(Mailbox mailbox, String folder) {
        return spool.folder(mailbox, folder).orElseThrow(() -> ApiException.notFound("No folder " + folder
                + " in mailbox " + mailbox.number()));
    }

    private Folder createFolder(Mailbox mailbox, String folder) {
        try {
            return spool.createFolder(mailbox, folder).orElseThrow(() -> ApiException.notFound("No folder " + folder
                    + " in mailbox " + mailbox.number()));
        } catch (IOException e) {
            throw new UncheckedIOException("Creating the voicemail folder " + folder, e);
        }
    }

}
