package org.dialplane.cdr;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.dialplane.cdr.api.CdrService;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.rest.ApiException;

/**
 * Totals per group of the CDRs a request matches, computed by the database: what reporting users otherwise
 * compute by hand from an export. {@code average_billsec} is per answered call (unanswered calls bill 0 s).
 */
final class CdrSummary {
    /** Group name -> its SQL over the table's own columns; the order is the groups' order. */
    private static final Map<String, String> GROUPS = Map.of(
            "day", "DATE_FORMAT(r.calldate, '%Y-%m-%d')",
            "hour", "DATE_FORMAT(r.calldate, '%Y-%m-%d %H:00')",
            "src", "r.src",
            "dst", "r.dst",
            "disposition", "r.disposition",
            "accountcode", "r.accountcode");

    private final DataSource cdr;
    private final RecordReader reader;

    CdrSummary(DataSource cdr, RecordReader reader) {
        this.cdr = cdr;
        this.reader = reader;
    }

    List<Map<String, Object>> summary(RecordRequest request, String group) {
        String name = group == null ? "" : group.trim();
        String expression = GROUPS.get(name);
        if (expression == null) {
            throw ApiException.badRequest("group: one of " + String.join(", ", CdrService.GROUPS));
        }
        SqlFragment sql = SqlFragment.of("SELECT " + expression + " AS g, COUNT(*),"
                + " SUM(r.disposition = 'ANSWERED'), COALESCE(SUM(r.billsec), 0),"
                + " COALESCE(SUM(CASE WHEN r.disposition = 'ANSWERED' THEN r.billsec END), 0) FROM cdr r")
                .append(reader.where(request, SqlFragment.EMPTY, reader.columns()))
                .append(" GROUP BY g ORDER BY g");
        return new Jdbc(cdr).run(connection -> {
            List<Map<String, Object>> groups = new ArrayList<>();
            try (PreparedStatement statement = sql.prepare(connection); ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    long answered = result.getLong(3);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put(name, result.getString(1));
                    row.put("calls", result.getLong(2));
                    row.put("answered", answered);
                    row.put("billsec", result.getLong(4));
                    row.put("average_billsec", answered == 0 ? 0.0
                            : Math.round(result.getLong(5) * 100.0 / answered) / 100.0);
                    groups.add(row);
                }
            }
            return groups;
        });
    }
}
