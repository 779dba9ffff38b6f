package org.dialplane.voicemail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.dialplane.core.asterisk.Mailbox;
import org.dialplane.core.rest.FieldSet;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.Results;
import org.dialplane.voicemail.api.MailboxCounts;

/**
 * A list of mailboxes as a {@link Query} asks for it, done in memory because mailboxes are lines of voicemail.conf
 * (a few thousand at most): {@code search} matched case-insensitively anywhere in the searchable fields (as
 * MariaDB's LIKE with its default collation), sorted by the {@code order} field (numbers as numbers), then paged.
 * The message counts are read from the spool only for the mailboxes shown, and only when a count field is.
 */
final class MailboxList {
    /** Where a row keeps its mailbox for the counts; never a field name, so never shown. */
    private static final String MAILBOX_KEY = " mailbox";

    private MailboxList() {
    }

    static Results list(List<Mailbox> mailboxes, Query query, Function<Mailbox, MailboxCounts> counts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Mailbox mailbox : mailboxes) {
            Map<String, Object> row = row(mailbox);
            if (matches(row, query)) {
                rows.add(row);
            }
        }
        FieldSet.Field order = query.order();
        if (order != null) {
            Comparator<Map<String, Object>> comparator = Comparator.comparing(r -> sortKey(r.get(order.name())));
            rows.sort(query.direction() == Query.Direction.DESC ? comparator.reversed() : comparator);
        }
        int total = rows.size();
        int from = Math.min(query.offset(), total);
        int to = query.limit().map(limit -> Math.min(from + limit, total)).orElse(total);
        List<Map<String, Object>> page = new ArrayList<>(rows.subList(from, to));
        if (query.shows("new") || query.shows("old") || query.shows("urgent")) {
            for (Map<String, Object> row : page) {
                withCounts(row, counts.apply((Mailbox) row.get(MAILBOX_KEY)));
            }
        }
        List<Map<String, Object>> shown = query.project(page);
        return query.paginated() ? Results.page(shown, total) : Results.of(shown);
    }

    /** The mailbox as the API shows it, counts aside; options absent from its line are null ([general]'s apply). */
    static Map<String, Object> row(Mailbox mailbox) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("mailbox", mailbox.number());
        row.put("context", mailbox.context());
        row.put("pin", mailbox.pin());
        row.put("name", mailbox.fullName());
        row.put("email", mailbox.email());
        row.put("pager_email", mailbox.pager());
        for (String option : VoicemailFields.OPTIONS) {
            row.put(option, mailbox.options().get(option));
        }
        row.put(MAILBOX_KEY, mailbox);
        return row;
    }

    /** The row with its message counts. */
    static Map<String, Object> withCounts(Map<String, Object> row, MailboxCounts counts) {
        row.put("new", counts.fresh());
        row.put("old", counts.old());
        row.put("urgent", counts.urgent());
        return row;
    }

    private static boolean matches(Map<String, Object> row, Query query) {
        if (query.search().isEmpty()) {
            return true;
        }
        String search = query.search().get().toLowerCase(Locale.ROOT);
        for (FieldSet.Field field : VoicemailFields.FIELDS.searchable()) {
            Object value = row.get(field.name());
            if (value != null && value.toString().toLowerCase(Locale.ROOT).contains(search)) {
                return true;
            }
        }
        return false;
    }

    /** Numbers sort before text and by value; text case-insensitively. */
    private static Key sortKey(Object value) {
        String text = value == null ? "" : value.toString();
        if (text.matches("[0-9]{1,18}")) {
            return new Key(0, Long.parseLong(text), "");
        }
        return new Key(1, 0, text.toLowerCase(Locale.ROOT));
    }

    private record Key(int kind, long number, String text) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            return Comparator.comparingInt(Key::kind).thenComparingLong(Key::number).thenComparing(Key::text)
                    .compare(this, other);
        }
    }
}
