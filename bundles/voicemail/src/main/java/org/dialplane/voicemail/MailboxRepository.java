package org.dialplane.voicemail;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dialplane.core.asterisk.Mailbox;
import org.dialplane.core.asterisk.VoicemailConf;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.pbx.AstDb;
import org.dialplane.core.pbx.AstDbChanges;
import org.dialplane.core.pbx.Devices;
import org.dialplane.core.pbx.Numbering;
import org.dialplane.core.pbx.Ownership;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.Problem;
import org.dialplane.voicemail.api.MailboxChange;

/**
 * The mailboxes: their lines in voicemail.conf (through core's {@link VoicemailConf}) and their extensions' rows.
 * A mailbox belongs to the extension with its number, so to that extension's tenant; a mailbox without an
 * extension (written by hand into voicemail.conf) is seen only by global callers.
 * <p>
 * voicemail.conf is where a mailbox is kept, so each write changes it inside the database transaction, last:
 * when the file cannot be written, the {@code users.voicemail} change rolls back with the error. Writes take
 * the numbering lock, as extension writes do, so an extension cannot be deleted under a mailbox being created.
 */
final class MailboxRepository {
    static final String NOUN = "mailbox";
    private static final String EXTENSION = "extension";

    private final Jdbc db;
    private final AstDb astDb;
    private final VoicemailConf conf;

    /** What the notifier needs after a write: the number, whether it was created, the AstDB keys written. */
    record Saved(Mailbox mailbox, boolean created, AstDbChanges astdb) {
    }

    MailboxRepository(Jdbc db, AstDb astDb, VoicemailConf conf) {
        this.db = db;
        this.astDb = astDb;
        this.conf = conf;
    }

    /** Every mailbox the caller sees, in file order. */
    List<Mailbox> visible(Caller caller) {
        Set<String> extensions = Devices.extensionsOf(db, caller);
        return conf.mailboxes().stream()
                .filter(m -> !VoicemailFields.RESERVED_CONTEXTS.contains(m.context()))
                .filter(m -> extensions == null || extensions.contains(m.number()))
                .toList();
    }

    /** The caller's mailbox with this number; the first in file order when several contexts have one. */
    Optional<Mailbox> find(String number, Caller caller) {
        return visible(caller).stream().filter(m -> m.number().equals(number)).findFirst();
    }

    /** A POST: the mailbox of an extension of the caller's that has none yet. */
    Saved create(MailboxChange change, Caller caller) {
        requireWritable();
        return db.lockedTransaction(Numbering.LOCK, connection -> {
            String name = extensionName(connection, change.mailbox(), caller);
            if (conf.mailboxes().stream().anyMatch(m -> m.number().equals(change.mailbox()))) {
                throw ApiException.conflict("Mailbox " + change.mailbox() + " exists");
            }
            return write(connection, IssabelMailbox.created(requireCreatable(change), name), true);
        });
    }

    /** A PUT: updates the fields sent when the caller has the mailbox, else creates it for the extension. */
    Saved save(String number, MailboxChange change, Caller caller) {
        requireWritable();
        return db.lockedTransaction(Numbering.LOCK, connection -> {
            String name = extensionName(connection, number, caller);
            Optional<Mailbox> existing = conf.mailboxes().stream().filter(m -> m.number().equals(number)).findFirst();
            if (existing.isEmpty()) {
                return write(connection, IssabelMailbox.created(requireCreatable(change.withMailbox(number)), name),
                        true);
            }
            return write(connection, IssabelMailbox.updated(existing.get(), change), false);
        });
    }

    /** Deletes every one of the mailboxes, or none: one the caller has not is a 404. */
    AstDbChanges delete(Ids ids, Caller caller) {
        requireWritable();
        return db.lockedTransaction(Numbering.LOCK, connection -> {
            List<String> found = visible(caller).stream().map(Mailbox::number).filter(ids.values()::contains)
                    .distinct().toList();
            ids.requireAll(found, NOUN);
            AstDbChanges astdb = new AstDbChanges();
            for (String number : found) {
                Jdbc.update(connection, "UPDATE users SET voicemail = ? WHERE extension = ?",
                        IssabelMailbox.NO_MAILBOX, number);
                astdb.put("AMPUSER", number + "/voicemail", IssabelMailbox.NO_MAILBOX);
            }
            astDb.write(connection, astdb);
            found.forEach(conf::deleteEverywhere);
            return astdb;
        });
    }

    /** The extension's {@code users.voicemail} on the mailbox's context, then the mailbox's line. */
    private Saved write(Connection connection, Mailbox mailbox, boolean created) throws SQLException {
        Jdbc.update(connection, "UPDATE users SET voicemail = ? WHERE extension = ?", mailbox.context(),
                mailbox.number());
        AstDbChanges astdb = IssabelMailbox.voicemailKey(mailbox.number(), mailbox.context());
        astDb.write(connection, astdb);
        conf.putOnly(mailbox);
        return new Saved(mailbox, created, astdb);
    }

    /**
     * The name of the caller's extension with this number. Without one there is nothing a mailbox could belong
     * to: a 422 naming the field, the same whether the extension is absent or another tenant's.
     */
    private static String extensionName(Connection connection, String number, Caller caller) throws SQLException {
        SqlFragment sql = SqlFragment.of("SELECT u.name FROM users u").append(SqlFragment.where(
                SqlFragment.of("u.extension = ?", number), Ownership.visibleTo(caller, EXTENSION, "u.extension")));
        List<Map<String, Object>> rows = Jdbc.rows(connection, sql);
        if (rows.isEmpty()) {
            throw ApiException.invalid(List.of(new Problem.FieldError("mailbox", "there is no extension " + number
                    + " for it to belong to")));
        }
        Object name = rows.get(0).get("name");
        return name == null ? "" : name.toString();
    }

    /** A mailbox is created (also by a PUT) only with its PIN. */
    private static MailboxChange requireCreatable(MailboxChange change) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (change.pin() == null) {
            errors.add(new Problem.FieldError("pin", "is required"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return change;
    }

    /** voicemail.conf is the mailboxes' storage: without it, a write would be a success that stored nothing. */
    private void requireWritable() {
        if (!conf.available()) {
            throw ApiException.unavailable("There is no Asterisk configuration directory for voicemail.conf on this"
                    + " machine (DIALPLANE_ASTERISK_ETC).", 60);
        }
    }
}
