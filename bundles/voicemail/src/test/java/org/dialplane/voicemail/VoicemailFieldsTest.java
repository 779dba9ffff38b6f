package org.dialplane.voicemail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.dialplane.core.asterisk.Mailbox;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.Results;
import org.dialplane.voicemail.api.MailboxChange;
import org.dialplane.voicemail.api.MailboxCounts;
import org.junit.jupiter.api.Test;

class VoicemailFieldsTest {

    @Test
    void whenValuesWouldBreakVoicemailConf_then422NamingEachField() {
        ApiException invalid = assertThrows(ApiException.class, () -> VoicemailFields.validate(JsonBody.of(Map.of(
                "mailbox", "1005", "pin", "12", "name", "A;B", "email", "a@b.c,d@e.f", "pager_email", "x|y@z",
                "context", "zonemessages")), true));
        assertEquals(422, invalid.problem().status());
        List<String> fields = invalid.problem().errors().stream().map(e -> e.field()).sorted().toList();
        assertEquals(List.of("context", "email", "name", "pager_email", "pin"), fields);
    }

    @Test
    void whenMailboxCreated_thenIssabelDefaultsFirstThenTheOptionsSent() {
        MailboxChange change = VoicemailFields.validate(JsonBody.of(Map.of("mailbox", "1005", "pin", "4321",
                "review", "yes", "attach", "yes")), true);
        Mailbox created = IssabelMailbox.created(change, "Daniel, Smith");
        assertEquals("default", created.context());
        assertEquals("Daniel  Smith", created.fullName());
        assertEquals(List.of("attach", "saycid", "envelope", "delete", "review"), List.copyOf(created.options().keySet()));
        assertEquals("yes", created.options().get("attach"));

        Mailbox updated = IssabelMailbox.updated(created, new MailboxChange(null, null, null, null, "d@x.org", null,
                Map.of("saycid", "yes")));
        assertEquals("4321", updated.pin());
        assertEquals("d@x.org", updated.email());
        assertEquals("yes", updated.options().get("saycid"));
        assertEquals("Daniel  Smith", updated.fullName(), "a field not sent is never wiped");
    }

    @Test
    void whenListed_thenSearchSortAndPageInMemoryWithCountsOnlyWhenShown() {
        List<Mailbox> boxes = List.of(box("300", "Zed"), box("1005", "Alice"), box("20", "Bob"));
        Query page = Query.parse(Map.of("order", List.of("mailbox"), "direction", List.of("desc"), "limit",
                List.of("2"), "fields", List.of("mailbox,new")), VoicemailFields.FIELDS);
        Results results = MailboxList.list(boxes, page, m -> new MailboxCounts(m.number(), m.context(), 3, 1, 0));
        assertEquals(3L, results.total());
        assertEquals(List.of(Map.of("mailbox", "1005", "new", 3), Map.of("mailbox", "300", "new", 3)),
                results.results());

        Query search = Query.parse(Map.of("search", List.of("ali"), "fields", List.of("mailbox")),
                VoicemailFields.FIELDS);
        Results found = MailboxList.list(boxes, search, m -> {
            throw new AssertionError("counts are not read when not shown");
        });
        assertEquals(List.of(Map.of("mailbox", "1005")), found.results());
        assertTrue(VoicemailFields.FIELDS.secretNames().contains("pin"));
    }

    private static Mailbox box(String number, String name) {
        return new Mailbox("default", number, "1234", name, "", "", Mailbox.ISSABEL_DEFAULT_OPTIONS);
    }
}
