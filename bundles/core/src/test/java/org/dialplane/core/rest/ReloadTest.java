package org.dialplane.core.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReloadTest {

    private static JsonBody body(Object reload) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("reload", reload);
        return JsonBody.of(fields);
    }

    @Test
    void whenReloadNotGiven_thenOn() {
        assertTrue(Reload.requested(null, null));
        assertTrue(Reload.requested(null, JsonBody.EMPTY));
        assertTrue(Reload.requested(null, body(null)));
    }

    @Test
    void whenReloadInTheQuery_thenItsValueIsRead() {
        assertFalse(Reload.requested("0", null));
        assertFalse(Reload.requested("false", null));
        assertFalse(Reload.requested("FALSE", null));
        assertTrue(Reload.requested("1", null));
        assertTrue(Reload.requested("true", null));
    }

    @Test
    void whenReloadInTheBody_thenReadAsBooleanNumberOrString() {
        assertFalse(Reload.requested(null, body(false)));
        assertFalse(Reload.requested(null, body(0)));
        assertFalse(Reload.requested(null, body("0")));
        assertFalse(Reload.requested(null, body("false")));
        assertTrue(Reload.requested(null, body(1)));
        assertTrue(Reload.requested(null, body(true)));
    }

    @Test
    void whenReloadInQueryAndBody_thenTheQueryWins() {
        assertTrue(Reload.requested("1", body(false)));
        assertFalse(Reload.requested("0", body(true)));
    }

    @Test
    void whenReloadIsAnythingElse_then400() {
        for (Object bad : new Object[] { "yes", "", "2", 2, 0.5, Map.of() }) {
            ApiException e = assertThrows(ApiException.class, () -> Reload.requested(null, body(bad)), "" + bad);
            assertEquals(400, e.problem().status());
        }
        assertThrows(ApiException.class, () -> Reload.requested("maybe", null));
        assertThrows(ApiException.class, () -> Reload.requested("", null));
    }
}
