package org.dialplane.itests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.testing.fakeami.FakeAmiServer;

/** MirtaRecordsIT's fixture rows and AMI events, and the reading of its CSV and pipe answers. */
final class MirtaRecords {
    private MirtaRecords() {
    }

    /** A CSV row by the header's names. */
    static Map<String, String> row(List<List<String>> rows, int index) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < rows.get(0).size(); i++) {
            row.put(rows.get(0).get(i), rows.get(index).get(i));
        }
        return row;
    }

    static void cdr(CdrTables tables, String calldate, String src, String dst, String uniqueid,
            String account) throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("calldate", calldate);
        row.put("clid", "\"Caller\" <" + src + ">");
        row.put("src", src);
        row.put("dst", dst);
        row.put("dcontext", "from-internal");
        row.put("channel", "SIP/trunk-" + uniqueid);
        row.put("disposition", "ANSWERED");
        row.put("accountcode", account);
        row.put("uniqueid", uniqueid);
        row.put("linkedid", uniqueid);
        tables.insert("cdr", row);
    }

    static void queueLog(CdrTables tables, String time, String callid, String queue, String agent,
            String event) throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("time", time);
        row.put("callid", callid);
        row.put("queuename", queue);
        row.put("agent", agent);
        row.put("event", event);
        row.put("data1", "");
        row.put("data2", "");
        tables.insert("queue_log", row);
    }

    /** The response path's dialplan's {@code UserEvent(ResponsePath,...)} on the caller's channel, for path 19. */
    static void step(FakeAmiServer ami, String uniqueid, String step, String typeId, String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("UserEvent", "ResponsePath");
        fields.put("Channel", "SIP/trunk-" + uniqueid);
        fields.put("Uniqueid", uniqueid);
        fields.put("Path", "19");
        fields.put("Step", step);
        fields.put("TypeId", typeId);
        fields.put("Value", value);
        ami.emit("UserEvent", fields);
    }

    static void hangup(FakeAmiServer ami, String uniqueid) {
        ami.emit("Hangup", Map.of("Uniqueid", uniqueid, "Channel", "SIP/trunk-" + uniqueid, "Cause", "16",
                "Cause-txt", "Normal Clearing"));
    }

    static String[] cells(String line) {
        return line.split("\\|", -1);
    }
}
