package org.dialplane.calls;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.dialplane.core.asterisk.MonitorFiles;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.pbx.Channels;
import org.dialplane.core.db.SqlFragment;

/**
 * The recording of a call (MiRTA's {@code INFO recording}), from the CDR database ({@code asteriskcdrdb.cdr}).
 * A call is named by any of its CDRs' {@code uniqueid} or {@code linkedid}: the id {@code POST /pbxapi/calls}
 * answers is the source channel's Uniqueid, and so the linkedid of every leg of that call.
 * <p>
 * When several CDRs of the call name a recording, the one whose uniqueid is the id comes first, then the earliest:
 * the recording that started with the call, rather than one made after a transfer. A row whose file is missing is
 * passed over for the next.
 */
final class CallRecordings {
    /** A call has a handful of CDRs; a queue ringing many agents a few dozen. This only bounds a broken table. */
    private static final int MAX_ROWS = 1000;
    private static final String BY_CALL = "SELECT calldate, recordingfile, src, dst, cnum,"
            + " accountcode, channel, dstchannel FROM cdr WHERE (uniqueid = ? OR linkedid = ?) AND recordingfile <> ''"
            + " ORDER BY uniqueid = ? DESC, calldate, sequence LIMIT " + MAX_ROWS;

    private final Jdbc cdr;
    private final MonitorFiles files;

    CallRecordings(Jdbc cdr, MonitorFiles files) {
        this.cdr = cdr;
        this.files = files;
    }

    /** The CDR fields that locate a recording and say whose it is. */
    record Cdr(LocalDateTime calldate, String recordingfile, String src, String dst, String cnum, String accountcode,
            String channel, String dstchannel) {

        /**
         * The rule of live channels ({@link Channels#concerns}) applied to a CDR: it is a tenant's when one of
         * its extensions is the source or destination number, the caller id number, the account code ({@code 402}
         * or MiRTA's {@code 402-DEVEL}) or the device of either channel (the agent who answered a queue call).
         * {@code extensions} null: a global caller's, who sees every CDR.
         */
        boolean visibleTo(Set<String> extensions) {
            return extensions == null || Stream.of(src, dst, cnum, Channels.extensionOfAccount(accountcode),
                    Channels.extensionOf(channel), Channels.extensionOf(dstchannel))
                    .anyMatch(value -> value != null && !value.isEmpty() && extensions.contains(value));
        }
    }

    /**
     * The recording of the call {@code id} that the caller may hear, when its file is there.
     *
     * @param extensions the caller's extensions; null for a global caller
     */
    Optional<Path> find(String id, Set<String> extensions) {
        return rows(id).stream()
                .filter(row -> row.visibleTo(extensions))
                .map(row -> files.find(row.recordingfile(), row.calldate()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The call's CDRs that name a recording, best first. */
    List<Cdr> rows(String id) {
        SqlFragment sql = SqlFragment.of(BY_CALL, id, id, id);
        return cdr.run(connection -> {
            List<Cdr> rows = new ArrayList<>();
            try (PreparedStatement statement = sql.prepare(connection); ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Cdr(result.getObject("calldate", LocalDateTime.class), result.getString("recordingfile"),
                            result.getString("src"), result.getString("dst"), result.getString("cnum"),
                            result.getString("accountcode"), result.getString("channel"),
                            result.getString("dstchannel")));
                }
            }
            return rows;
        });
    }
}
