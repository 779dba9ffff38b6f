package org.dialplane.ringgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Problem;
import org.dialplane.ringgroups.api.RingGroupChange;
import org.junit.jupiter.api.Test;

class RingGroupFieldsTest {

    private static JsonBody body(Object... pairs) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return JsonBody.of(fields);
    }

    private static Map<String, String> errors(JsonBody body, boolean creating) {
        ApiException e = assertThrows(ApiException.class, () -> RingGroupFields.validate(body, creating));
        assertEquals(422, e.problem().status());
        Map<String, String> errors = new HashMap<>();
        for (Problem.FieldError error : e.problem().errors()) {
            errors.put(error.field(), error.message());
        }
        return errors;
    }

    @Test
    void whenCreatedWithoutMembers_then422() {
        assertEquals(Set.of("extension_list"), errors(JsonBody.EMPTY, true).keySet());
    }

    @Test
    void whenUpdateSendsNothing_thenNothingChanges() {
        assertEquals(new RingGroupChange(null, Map.of(), Map.of()), RingGroupFields.validate(null, false));
    }

    @Test
    void whenMembersSent_thenJoinedAsIssabelStoresThem() {
        RingGroupChange change = RingGroupFields.validate(body("extension_list", List.of("201", "202", "5551234#")),
                true);

        assertEquals(Map.of("grplist", "201-202-5551234#"), change.columns());
    }

    @Test
    void whenMembersEmptyOrMalformed_then422() {
        assertEquals(Map.of("extension_list", "must not be empty"), errors(body("extension_list", List.of()), false));
        assertEquals(Set.of("extension_list"), errors(body("extension_list", List.of("20a")), false).keySet());
    }

    @Test
    void whenFieldsSent_thenStorageColumnsAndCallerIdKeys() {
        RingGroupChange change = RingGroupFields.validate(body("extension", "610", "name", "Sales",
                "strategy", "hunt", "ring_time", "25", "change_callerid", "fixed", "fixed_callerid", "+5551234",
                "id", "999", "destination", "ignored,read,only"), false);

        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("description", "Sales");
        columns.put("strategy", "hunt");
        columns.put("grptime", 25);
        assertEquals(new RingGroupChange("610", columns, Map.of("changecid", "fixed", "fixedcid", "+5551234")),
                change);
    }

    @Test
    void whenCheckboxSentInAnyClientForm_thenCheckedOrEmpty() {
        RingGroupChange change = RingGroupFields.validate(body("confirm_calls", "on", "skip_busy_agent", true,
                "ignore_call_forward_settings", "off", "enable_call_pickup", 0), false);

        assertEquals(Map.of("needsconf", "CHECKED", "cwignore", "CHECKED", "cfignore", "", "cpickup", ""),
                change.columns());
    }

    @Test
    void whenValuesAreWrong_thenOne422NamesEveryField() {
        Map<String, String> errors = errors(body("extension_list", List.of("201"), "strategy", "random",
                "ring_time", 0, "confirm_calls", "maybe", "fixed_callerid", "abc",
                "destination_if_no_answer", "nowhere", "name", "x".repeat(36)), true);

        assertEquals(Set.of("strategy", "ring_time", "confirm_calls", "fixed_callerid", "destination_if_no_answer",
                "name"), errors.keySet());
    }

    @Test
    void whenRowShown_thenNumbersAreNumbersAndMembersAList() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", "600");
        row.put("ring_time", "20");
        row.put("extension_list", "201-202");

        assertEquals(Map.of("id", "600", "ring_time", 20L, "extension_list", List.of("201", "202")),
                RingGroupFields.shown(row));
    }
}
