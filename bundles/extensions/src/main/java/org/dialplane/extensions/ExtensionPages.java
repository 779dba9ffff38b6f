package org.dialplane.extensions;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.pbx.NumberIndex;
import org.dialplane.core.pbx.Numbering;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Query;

/**
 * Lists of extensions in number order, read from core's index of numbers ({@code dp_numbers}, kind
 * {@code extension}) instead of sorting every row by {@code CAST(u.extension AS UNSIGNED)}. Two steps: the page's
 * numbers from the index (walked in order, {@code LIMIT} rows after the cursor: constant time however deep the
 * page; an offset walks the index up to it), then those extensions' rows by primary key. For a tenant or a search,
 * the first step joins users and devices to filter; for a global caller without search, it reads the index alone,
 * and an index row whose extension is gone (deleted behind Dialplane's back) shows as a short page, which rebuilds
 * the index and reads the page again.
 */
final class ExtensionPages {
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");

    private final Jdbc db;
    private final NumberIndex index;

    ExtensionPages(Jdbc db, NumberIndex index) {
        this.db = db;
        this.index = index;
    }

    /** Whether this is a page in number order, which the index serves (a whole list is read and sorted at once). */
    boolean fromIndex(Query query) {
        return query.paginated() && query.order() != null && "extension".equals(query.order().name());
    }

    List<Map<String, Object>> find(Query query, Caller caller) {
        refresh();
        List<Map<String, Object>> rows = db.run(connection -> page(connection, query, caller, false));
        if (rows != null) {
            return rows;
        }
        rebuild();
        // Short again only if deleted again meanwhile: then it shows what is there.
        return db.run(connection -> page(connection, query, caller, true));
    }

    /** Every extension: the index's rows (the index is checked against the tables first). */
    long countAll() {
        refresh();
        return db.run(connection -> Jdbc.number(connection,
                SqlFragment.of("SELECT COUNT(*) FROM dp_numbers WHERE kind = ?", index.kind())));
    }

    /**
     * The page's rows in order; null when the index named an extension that is not there any more, unless
     * {@code lenient}.
     */
    private List<Map<String, Object>> page(Connection connection, Query query, Caller caller, boolean lenient)
            throws SQLException {
        boolean filtered = !caller.global() || query.search().isPresent();
        SqlFragment numbers = SqlFragment.of("SELECT k.object_id FROM dp_numbers k");
        if (filtered) {
            numbers = numbers.append(" JOIN users u ON u.extension = k.object_id JOIN devices d ON d.id = u.extension");
        }
        numbers = numbers.append(SqlFragment.where(SqlFragment.of("k.kind = ?", index.kind()),
                filtered ? ExtensionRepository.visible(caller) : SqlFragment.EMPTY, query.searchCondition(),
                after(query)));
        String direction = query.direction() == Query.Direction.ASC ? " ASC" : " DESC";
        numbers = numbers.append(" ORDER BY k.number" + direction + ", k.object_id" + direction)
                .append(query.limitOffset());
        List<String> page = Jdbc.column(connection, numbers);
        if (page.isEmpty()) {
            return List.of();
        }
        SqlFragment sql = ExtensionRepository.select(query).append(ExtensionRepository.FROM)
                .append(SqlFragment.where(SqlFragment.in("u.extension", page)));
        Map<String, Map<String, Object>> byNumber = new HashMap<>();
        for (Map<String, Object> row : Jdbc.rows(connection, sql)) {
            byNumber.put((String) row.get("extension"), row);
        }
        List<Map<String, Object>> rows = new ArrayList<>(page.size());
        for (String number : page) {
            Map<String, Object> row = byNumber.get(number);
            if (row != null) {
                rows.add(row);
            } else if (!filtered && !lenient) {
                return null;
            }
        }
        return rows;
    }

    /** The rows after the cursor's extension, in the index's order: (number, object_id) after the key's. */
    private static SqlFragment after(Query query) {
        if (query.after().isEmpty()) {
            return SqlFragment.EMPTY;
        }
        String key = query.after().get();
        if (!NUMBER.matcher(key).matches()) {
            throw ApiException.badRequest("after: not a cursor of this list; use the next cursor a page answered");
        }
        String op = query.direction() == Query.Direction.ASC ? ">" : "<";
        long number = Long.parseLong(key);
        return SqlFragment.of("(k.number " + op + " ? OR (k.number = ? AND k.object_id " + op + " ?))", number,
                number, key);
    }

    private void refresh() {
        if (db.run(index::stale)) {
            rebuild();
        }
    }

    private void rebuild() {
        db.lockedTransaction(Numbering.LOCK, connection -> {
            index.rebuild(connection);
            return null;
        });
    }
}
