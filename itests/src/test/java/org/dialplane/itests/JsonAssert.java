package org.dialplane.itests;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON assertions for answers. Jackson is not on the test driver's class path (only the container has it), so
 * a test class must not name JsonNode in a method signature, lambdas included: JUnit reflects over every
 * declared method on the driver. Helpers that do live here, loaded only inside the container.
 */
final class JsonAssert {
    private JsonAssert() {
    }

    static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The field names of an object, in the order they came. */
    static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The text of one field of every element of an array: the fields named in a 422's errors, say. */
    static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.get(field).asText()));
        return texts;
    }

    /** Equal JSON, and every object of {@code results} with its fields in the expected order. */
    static void assertSameResults(String expected, JsonNode actual) {
        JsonNode wanted = parse(expected);
        assertEquals(wanted, actual);
        for (int i = 0; i < wanted.get("results").size(); i++) {
            assertEquals("field order", names(wanted.get("results").get(i)), names(actual.get("results").get(i)));
        }
    }
}
