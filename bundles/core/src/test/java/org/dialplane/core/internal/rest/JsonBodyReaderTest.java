package org.dialplane.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.JsonBody;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.ws.rs.core.MediaType;

class JsonBodyReaderTest {

    private static JsonBody parse(String text) throws IOException {
        return JsonBodyReader.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void whenBodyIsAnObject_thenTheFieldsSentAreKeptInOrder() throws Exception {
        JsonBody body = parse("{\"name\":\"Sales\",\"ring_time\":\"120\",\"extension_list\":[\"200\",\"201\"],"
                + "\"reload\":null}");
        assertEquals(List.of("name", "ring_time", "extension_list", "reload"), List.copyOf(body.names()));
        assertEquals("120", body.get("ring_time"));
        assertEquals(List.of("200", "201"), body.get("extension_list"));
        assertTrue(body.has("reload"));
        assertFalse(body.has("strategy"));
    }

    @Test
    void whenBodyIsEmpty_thenParsedAsEmpty() throws Exception {
        assertSame(JsonBody.EMPTY, parse(""));
        assertSame(JsonBody.EMPTY, parse("  \n"));
        assertEquals(Map.of(), parse("{}").asMap());
    }

    @Test
    void whenBodyIsNotAnObject_then400() {
        for (String text : new String[] { "[]", "\"text\"", "42", "null", "true" }) {
            ApiException e = assertThrows(ApiException.class, () -> parse(text), text);
            assertEquals(400, e.problem().status());
        }
    }

    @Test
    void whenMalformedOrTrailingText_thenJacksonsError() {
        assertThrows(JsonProcessingException.class, () -> parse("{\"name\":"));
        assertThrows(JsonProcessingException.class, () -> parse("{'name':'x'}"));
        assertThrows(JsonProcessingException.class, () -> parse("{} {}"));
        assertThrows(JsonProcessingException.class, () -> parse("{\"a\":1,\"a\":2}"));
    }

    @Test
    void whenMediaTypeChecked_thenOnlyJsonTypesAreRead() {
        assertTrue(JsonBodyReader.isJson(MediaType.APPLICATION_JSON_TYPE));
        assertTrue(JsonBodyReader.isJson(MediaType.valueOf("application/json; charset=UTF-8")));
        assertTrue(JsonBodyReader.isJson(MediaType.valueOf("application/merge-patch+json")));
        assertFalse(JsonBodyReader.isJson(MediaType.TEXT_PLAIN_TYPE));
        assertFalse(JsonBodyReader.isJson(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        assertFalse(JsonBodyReader.isJson(MediaType.APPLICATION_OCTET_STREAM_TYPE));
        assertFalse(JsonBodyReader.isJson(null));
    }
}
