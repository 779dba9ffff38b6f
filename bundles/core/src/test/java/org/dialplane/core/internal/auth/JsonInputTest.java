package org.dialplane.core.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Problem;
import org.junit.jupiter.api.Test;

class JsonInputTest {

    @Test
    void whenFieldsValid_thenTheyAreRead() {
        JsonInput input = new JsonInput(Map.of("name", " Acme ", "on", "1", "n", "42", "off", false));

        assertEquals("Acme", input.text("name", 10, true));
        assertEquals(Boolean.TRUE, input.flag("on"));
        assertEquals(Boolean.FALSE, input.flag("off"));
        assertEquals(42L, input.number("n", 100));
        input.check();
    }

    @Test
    void whenFieldsInvalid_thenOne422ListsThemAll() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "");
        body.put("on", "maybe");
        body.put("n", "-1");
        body.put("long", "abcdef");
        JsonInput input = new JsonInput(body);
        input.text("name", 10, true);
        input.flag("on");
        input.number("n", 100);
        input.text("long", 3, false);
        input.text("missing", 3, true);

        ApiException e = assertThrows(ApiException.class, input::check);

        assertEquals(422, e.problem().status());
        assertEquals(List.of("name", "on", "n", "long", "missing"),
                e.problem().errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void whenFieldAbsentOrNull_thenItReadsAsNull() {
        Map<String, Object> body = new HashMap<>();
        body.put("gone", null);
        JsonInput input = new JsonInput(body);

        assertNull(input.text("gone", 5, false));
        assertNull(input.flag("absent"));
        assertEquals(true, input.has("gone"));
        input.check();
    }

    @Test
    void whenNoBody_thenBadRequest() {
        assertEquals(400, assertThrows(ApiException.class, () -> new JsonInput(null)).problem().status());
    }
}
