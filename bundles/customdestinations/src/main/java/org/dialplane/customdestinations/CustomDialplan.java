package org.dialplane.customdestinations;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundle's section of Dialplane's dialplan file: one context {@code dp-custom-<id>} per destination, its
 * type's template rendered with its values, and the fixed context the {@code callerid} kind goes through. Only
 * ids, the admin's checked templates and values of checked kinds reach the text: never a name.
 */
final class CustomDialplan {
    /** The section's owner in {@code extensions_dialplane.conf}. */
    static final String SECTION = "org.dialplane.customdestinations";
    /** Sets the caller id for the {@code callerid} kind: {@code Gosub(dp-custom-callerid,<value>,1)}. */
    static final String CALLER_ID_CONTEXT = """
            [dp-custom-callerid]
            exten => INCOMING,1,Return()
            exten => INCOMINGDID,1,ExecIf($["${FROM_DID}" != ""]?Set(CALLERID(num)=${FROM_DID}))
             same => n,Return()
            exten => _X!,1,Set(CALLERID(num)=${EXTEN})
             same => n,Return()
            exten => _+X!,1,Set(CALLERID(num)=${EXTEN})
             same => n,Return()
            """;
    private static final Logger LOG = LoggerFactory.getLogger(CustomDialplan.class);

    /** A destination as the dialplan needs it. */
    record Row(long id, long type, Map<String, String> values) {
    }

    private CustomDialplan() {
    }

    /** IssabelPBX's goto of a destination: what {@code custom_destinations.custom_dest} holds. */
    static String destination(long id) {
        return context(id) + ",s,1";
    }

    static String context(long id) {
        return "dp-custom-" + id;
    }

    /**
     * The whole section: every destination whose type has a template. A destination whose rendering is refused
     * (a value stored before its kind was tightened) is left out and logged, so one bad row never blocks the rest.
     */
    static String generate(Map<Long, List<String>> templates, List<Row> destinations) {
        StringBuilder text = new StringBuilder(CALLER_ID_CONTEXT);
        for (Row row : destinations) {
            List<String> template = templates.get(row.type());
            if (template == null) {
                continue;
            }
            List<String> lines;
            try {
                lines = DialplanTemplate.render(template, row.values());
            } catch (IllegalArgumentException e) {
                LOG.error("Custom destination {} left out of the dialplan: {}", row.id(), e.getMessage());
                continue;
            }
            text.append('\n').append('[').append(context(row.id())).append("]\n");
            for (int i = 0; i < lines.size(); i++) {
                text.append(i == 0 ? "exten => s,1," : " same => n,").append(lines.get(i)).append('\n');
            }
        }
        return text.toString();
    }
}
