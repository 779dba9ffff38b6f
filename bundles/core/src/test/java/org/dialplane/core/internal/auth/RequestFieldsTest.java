package org.dialplane.core.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.dialplane.core.rest.ApiException;
import org.junit.jupiter.api.Test;

class RequestFieldsTest {

    @Test
    void whenFormPosted_thenFieldsAreDecoded() {
        assertEquals(Map.of("user", "admin", "password", "p&ss w=rd"),
                RequestFields.parse("application/x-www-form-urlencoded", "user=admin&password=p%26ss+w%3Drd"));
    }

    @Test
    void whenJsonPosted_thenScalarFieldsAreRead() {
        assertEquals(Map.of("user", "admin", "password", "123"), RequestFields.parse(
                "application/json; charset=utf-8", "{\"user\":\"admin\",\"password\":123,\"x\":{\"y\":1}}"));
    }

    @Test
    void whenJsonSentWithoutContentType_thenItIsRecognised() {
        assertEquals("admin", RequestFields.parse(null, " {\"user\":\"admin\"}").get("user"));
    }

    @Test
    void whenBodyEmpty_thenNoFields() {
        assertTrue(RequestFields.parse("application/json", "").isEmpty());
        assertTrue(RequestFields.parse(null, null).isEmpty());
    }

    @Test
    void whenJsonMalformed_thenBadRequest() {
        ApiException e = assertThrows(ApiException.class, () -> RequestFields.parse("application/json", "{\"user\":"));
        assertEquals(400, e.problem().status());
    }

    @Test
    void whenJsonIsNotAnObject_thenBadRequest() {
        assertEquals(400, assertThrows(ApiException.class,
                () -> RequestFields.parse("application/json", "[1,2]")).problem().status());
    }

    @Test
    void whenFormEscapeBroken_thenBadRequest() {
        assertEquals(400, assertThrows(ApiException.class,
                () -> RequestFields.parse("application/x-www-form-urlencoded", "user=%zz")).problem().status());
    }
}
