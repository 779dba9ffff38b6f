package org.dialplane.cdr;

import static org.dialplane.core.rest.FieldSet.Trait.SEARCHABLE;
import static org.dialplane.core.rest.FieldSet.Trait.UNSORTABLE;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dialplane.core.rest.FieldSet;
import org.dialplane.core.rest.FieldSpec;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Validation;

/**
 * The fields of a call detail record: the columns Asterisk's cdr_mysql/cdr_odbc write on IssabelPBX, in the
 * table's order, all shown by default. The first sixteen are in every {@code cdr} table; {@code did} and the
 * later ones exist only on newer ones, and are null where the table lacks them. Lists are always in the order
 * of {@code calldate}, then {@code uniqueid}, then {@code sequence} (where the table has it), so no field sorts.
 */
final class CdrFields {
    static final FieldSet FIELDS = FieldSet.builder()
            .field("calldate", "r.calldate", text("when the call leg started, the PBX's local time"), UNSORTABLE)
            .field("clid", "r.clid", text("caller id: \"Name\" <number>"), SEARCHABLE, UNSORTABLE)
            .field("src", "r.src", text("source number"), SEARCHABLE, UNSORTABLE)
            .field("dst", "r.dst", text("destination number"), SEARCHABLE, UNSORTABLE)
            .field("dcontext", "r.dcontext", text("destination context"), UNSORTABLE)
            .field("channel", "r.channel", text("the calling channel: SIP/402-0000001a"), SEARCHABLE, UNSORTABLE)
            .field("dstchannel", "r.dstchannel", text("the called channel"), SEARCHABLE, UNSORTABLE)
            .field("lastapp", "r.lastapp", text("the last dialplan application"), UNSORTABLE)
            .field("lastdata", "r.lastdata", text("its arguments"), UNSORTABLE)
            .field("duration", "r.duration", number("seconds from start to hangup"), UNSORTABLE)
            .field("billsec", "r.billsec", number("seconds from answer to hangup"), UNSORTABLE)
            .field("disposition", "r.disposition", text("ANSWERED, NO ANSWER, BUSY, FAILED or CONGESTION"),
                    UNSORTABLE)
            .field("amaflags", "r.amaflags", number("AMA flags"), UNSORTABLE)
            .field("accountcode", "r.accountcode", text("account code: 402, or MiRTA's 402-DEVEL"), SEARCHABLE,
                    UNSORTABLE)
            .field("uniqueid", "r.uniqueid", text("the call leg's channel id"), UNSORTABLE)
            .field("userfield", "r.userfield", text("free text; set with PUT /pbxapi/cdrs/{uniqueid}"), SEARCHABLE,
                    UNSORTABLE)
            .field("did", "r.did", text("the DID dialled (newer tables)"), UNSORTABLE)
            .field("recordingfile", "r.recordingfile", text("the recording's file name (newer tables)"), UNSORTABLE)
            .field("cnum", "r.cnum", text("caller id number (newer tables)"), UNSORTABLE)
            .field("cnam", "r.cnam", text("caller id name (newer tables)"), UNSORTABLE)
            .field("outbound_cnum", "r.outbound_cnum", text("outbound caller id number (newer tables)"), UNSORTABLE)
            .field("outbound_cnam", "r.outbound_cnam", text("outbound caller id name (newer tables)"), UNSORTABLE)
            .field("dst_cnam", "r.dst_cnam", text("destination name (newer tables)"), UNSORTABLE)
            .field("linkedid", "r.linkedid", text("the call's id, shared by its legs (newer tables)"), UNSORTABLE)
            .field("peeraccount", "r.peeraccount", text("the peer's account code (newer tables)"), UNSORTABLE)
            .field("sequence", "r.sequence", number("the CDR's sequence number (newer tables)"), UNSORTABLE)
            .build();

    static final RecordTable TABLE = new RecordTable("cdr", "cdr", "cdrs", FIELDS,
            Set.of("duration", "billsec", "amaflags", "sequence"), "calldate",
            List.of(List.of("uniqueid", "sequence"), List.of("uniqueid")),
            Map.of("src", "src", "dst", "dst", "disposition", "disposition", "accountcode", "accountcode",
                    "uniqueid", "uniqueid", "linkedid", "linkedid"),
            Map.of("min_billsec", "billsec"), CdrTenancy.COLUMNS);

    /** The column's size in Asterisk's schema. */
    static final int USERFIELD_LENGTH = 255;

    /** What {@code disposition=} accepts: what Asterisk writes. */
    static final List<String> DISPOSITIONS = List.of("ANSWERED", "NO ANSWER", "BUSY", "FAILED", "CONGESTION");

    /** The body of {@code PUT /pbxapi/cdrs/{uniqueid}}: the userfield alone. */
    static final FieldSet USERFIELD = FieldSet.builder()
            .field("userfield", "r.userfield", FieldSpec.text().required().maxLength(USERFIELD_LENGTH)
                    .description("the text to set; \"\" clears it"))
            .build();

    private CdrFields() {
    }

    /** The userfield a body sets: required (an empty text clears it), at most 255 characters (422 otherwise). */
    static String userfield(JsonBody body) {
        Validation v = Validation.of(body);
        if (body == null || !body.has("userfield")) {
            v.error("userfield", "required: the text to set (\"\" clears it)");
        }
        String value = v.text("userfield").maxLength(USERFIELD_LENGTH).value();
        v.check();
        return value == null ? "" : value;
    }

    private static FieldSpec text(String description) {
        return FieldSpec.text().readOnly().description(description);
    }

    private static FieldSpec number(String description) {
        return FieldSpec.integer().readOnly().description(description);
    }
}
