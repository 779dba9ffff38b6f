package org.dialplane.cdr;

import static org.dialplane.core.rest.FieldSet.Trait.SEARCHABLE;
import static org.dialplane.core.rest.FieldSet.Trait.UNSORTABLE;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dialplane.core.rest.FieldSet;
import org.dialplane.core.rest.FieldSpec;

/**
 * The fields of a queue log row, as Asterisk's realtime queue_log writes them, all shown by default. Lists are in
 * the order of {@code time}, then {@code id} (the embedded schema's key) or, in a table without one,
 * {@code callid} and {@code event}.
 */
final class QueueLogFields {
    static final FieldSet FIELDS = FieldSet.builder()
            .field("time", "r.time", text("when it happened, the PBX's local time"), UNSORTABLE)
            .field("callid", "r.callid", text("the caller's channel uniqueid, or NONE"), SEARCHABLE, UNSORTABLE)
            .field("queuename", "r.queuename", text("the queue's number, or NONE"), SEARCHABLE, UNSORTABLE)
            .field("agent", "r.agent", text("the member: Local/402@from-queue/n, or NONE"), SEARCHABLE, UNSORTABLE)
            .field("event", "r.event", text("ENTERQUEUE, CONNECT, COMPLETECALLER, ABANDON, ..."), SEARCHABLE,
                    UNSORTABLE)
            .field("data1", "r.data1", text("the event's first value"), UNSORTABLE)
            .field("data2", "r.data2", text("the event's second value"), UNSORTABLE)
            .field("data3", "r.data3", text("the event's third value"), UNSORTABLE)
            .field("data4", "r.data4", text("the event's fourth value"), UNSORTABLE)
            .field("data5", "r.data5", text("the event's fifth value"), UNSORTABLE)
            .build();

    static final RecordTable TABLE = new RecordTable("queue_log", "queuelog", "queuelogs", FIELDS, Set.of(), "time",
            List.of(List.of("id"), List.of("callid", "event")),
            Map.of("queue", "queuename", "agent", "agent", "event", "event", "callid", "callid"), Map.of(),
            QueueTenancy.COLUMNS);

    private QueueLogFields() {
    }

    private static FieldSpec text(String description) {
        return FieldSpec.text().readOnly().description(description);
    }
}
