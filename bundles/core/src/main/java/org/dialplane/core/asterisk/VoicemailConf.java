package org.dialplane.core.asterisk;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The mailboxes of Asterisk's {@code voicemail.conf} in {@link AsteriskPaths#etc()}, where IssabelPBX keeps them.
 * <p>
 * Every change rewrites the file atomically (a temporary file beside it, then a rename), one change at a time in
 * this process and, through a lock file beside it, among Dialplane processes. Only the mailbox lines a change is
 * about are touched: comments, {@code [general]}, {@code [zonemessages]}, {@code #include}s, blank lines, other
 * contexts and their line endings stay byte for byte. Values go in as UTF-8; a file written by other tools in
 * Latin-1 is read as such.
 * <p>
 * Without an Asterisk configuration directory (no PBX on this machine) there is nothing to edit: reads are empty
 * and changes are skipped (logged at debug level). A value that cannot be written without breaking the format
 * (a comma, {@code ;} or {@code =>} in a field, a line break, a {@code |} in an option) is an
 * {@link IllegalArgumentException}; callers validate their input first. A failed write is an
 * {@link UncheckedIOException} and leaves the file as it was.
 */
@ProviderType
public interface VoicemailConf {
    /** Whether the Asterisk configuration directory exists, so that changes are written. */
    boolean available();

    /** Every mailbox, in file order; contexts other than [general] and [zonemessages]. */
    List<Mailbox> mailboxes();

    /** The mailbox {@code number} of {@code context}. */
    Optional<Mailbox> mailbox(String context, String number);

    /**
     * Adds the mailbox to its context, or replaces the one with its number there (in place). Other contexts are
     * not touched.
     */
    void put(Mailbox mailbox);

    /**
     * Adds or replaces the mailbox as {@link #put} does, and removes its number from every other context, in the
     * same write: the one mailbox of an extension, wherever it was before.
     */
    void putOnly(Mailbox mailbox);

    /** Removes the mailbox {@code number} of {@code context}; whether there was one. */
    boolean delete(String context, String number);

    /** Removes the mailbox {@code number} from every context; whether there was one. */
    boolean deleteEverywhere(String number);
}
