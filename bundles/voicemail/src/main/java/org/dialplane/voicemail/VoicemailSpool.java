package org.dialplane.voicemail;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dialplane.core.asterisk.AsteriskPaths;
import org.dialplane.core.asterisk.Mailbox;
import org.dialplane.voicemail.api.MailboxCounts;
import org.dialplane.voicemail.api.VoicemailMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folders app_voicemail keeps under {@code <spool>/voicemail/<context>/<mailbox>/<folder>/}, and the only
 * place that turns a mailbox into a path. Nothing from a request is joined into a path: the context and number
 * come from voicemail.conf (and are checked again here), the folder name is one of {@link VoicemailMessages#FOLDERS},
 * and message files are the names read from the folder that match {@code msgNNNN.(txt|wav|WAV|gsm)}. A folder or
 * file whose real path (symbolic links resolved) leaves the voicemail root is ignored, with a warning in the log.
 * <p>
 * A message is a number with a {@code .txt}, as app_voicemail counts them ({@code last_message_index}); audio
 * files without a txt are not a message and are left alone.
 */
final class VoicemailSpool {
    private static final Logger LOG = LoggerFactory.getLogger(VoicemailSpool.class);
    /**
     * A file of a message: its txt and its recording in every format Asterisk was told to record
     * ({@code format=wav49|gsm|wav} in voicemail.conf), all renamed and deleted together.
     */
    static final Pattern FILE = Pattern.compile("msg([0-9]{4})\\.([A-Za-z0-9]{1,10})");
    /** A mailbox directory name as app_voicemail makes one; never {@code .} or {@code ..}. */
    private static final Pattern MAILBOX_DIRECTORY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]{0,79}");

    private final AsteriskPaths paths;

    VoicemailSpool(AsteriskPaths paths) {
        this.paths = paths;
    }

    /** One folder of one mailbox: its directory (real path) and the voicemail root it must stay in. */
    record Folder(String name, Path directory, Path root) {
    }

    /**
     * The files of one message: the txt, its audio in the formats served (in the order of
     * {@link VoicemailMessages#FORMATS}), and every file of it by extension, those included.
     */
    record MessageFiles(int number, Path txt, Map<String, Path> audio, Map<String, Path> files) {
    }

    /** The folder of the mailbox, when it is a directory inside the voicemail root. */
    Optional<Folder> folder(Mailbox mailbox, String folder) {
        if (!VoicemailMessages.FOLDERS.contains(folder) || !VoicemailFields.CONTEXT.matcher(mailbox.context()).matches()
                || !MAILBOX_DIRECTORY.matcher(mailbox.number()).matches()) {
            return Optional.empty();
        }
        Optional<Path> root = realRoot();
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Path directory = root.get().resolve(mailbox.context()).resolve(mailbox.number()).resolve(folder);
        try {
            Path real = directory.toRealPath();
            if (!real.startsWith(root.get())) {
                LOG.warn("Refused the voicemail folder {}: it leads outside {} through a symbolic link", directory,
                        root.get());
                return Optional.empty();
            }
            return Files.isDirectory(real) ? Optional.of(new Folder(folder, real, root.get())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no such folder yet: app_voicemail creates it with the first message
        }
    }

    /** The folder's directory, created as app_voicemail would ({@code create_dirpath}), for a message moved in. */
    Optional<Folder> createFolder(Mailbox mailbox, String folder) throws IOException {
        Optional<Folder> existing = folder(mailbox, folder);
        if (existing.isPresent()) {
            return existing;
        }
        Optional<Folder> mailboxFolder = VoicemailMessages.FOLDERS.stream().map(f -> folder(mailbox, f))
                .flatMap(Optional::stream).findFirst();
        if (mailboxFolder.isEmpty()) {
            return Optional.empty();
        }
        Files.createDirectories(mailboxFolder.get().directory().resolveSibling(folder));
        return folder(mailbox, folder);
    }

    /** The messages of a folder by number, read from its listing; empty when it cannot be read. */
    SortedMap<Integer, MessageFiles> messages(Folder folder) {
        SortedMap<Integer, Path> texts = new TreeMap<>();
        Map<Integer, Map<String, Path>> all = new LinkedHashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder.directory())) {
            for (Path file : files) {
                Matcher name = FILE.matcher(file.getFileName().toString());
                if (!name.matches() || !inside(file, folder.root())) {
                    continue;
                }
                int number = Integer.parseInt(name.group(1));
                if (name.group(2).equals("txt")) {
                    texts.put(number, file);
                }
                all.computeIfAbsent(number, n -> new LinkedHashMap<>()).put(name.group(2), file);
            }
        } catch (IOException e) {
            LOG.warn("Cannot read the voicemail folder {}: {}", folder.directory(), e.toString());
        }
        SortedMap<Integer, MessageFiles> messages = new TreeMap<>();
        texts.forEach((number, txt) -> {
            Map<String, Path> files = all.get(number);
            Map<String, Path> audio = new LinkedHashMap<>();
            VoicemailMessages.FORMATS.stream().filter(files::containsKey).forEach(f -> audio.put(f, files.get(f)));
            messages.put(number, new MessageFiles(number, txt, audio, files));
        });
        return messages;
    }

    /** The counts of a mailbox, as app_voicemail's {@code count_messages} makes them (the txt files). */
    MailboxCounts counts(Mailbox mailbox) {
        return new MailboxCounts(mailbox.number(), mailbox.context(), count(mailbox, "INBOX"), count(mailbox, "Old"),
                count(mailbox, "Urgent"));
    }

    private int count(Mailbox mailbox, String folder) {
        return folder(mailbox, folder).map(f -> messages(f).size()).orElse(0);
    }

    /**
     * Whether the file is a regular file whose real path is inside the root: a symbolic link out of the spool is
     * refused, one inside it is followed.
     */
    static boolean inside(Path file, Path root) {
        try {
            if (!Files.isSymbolicLink(file)) {
                return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
            }
            Path real = file.toRealPath();
            if (real.startsWith(root) && Files.isRegularFile(real)) {
                return true;
            }
            LOG.warn("Refused the voicemail file {}: it is a symbolic link leading outside {}", file, root);
            return false;
        } catch (IOException e) {
            return false; // a dangling link, or gone meanwhile
        }
    }

    private Optional<Path> realRoot() {
        try {
            return Optional.of(paths.voicemail().toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
