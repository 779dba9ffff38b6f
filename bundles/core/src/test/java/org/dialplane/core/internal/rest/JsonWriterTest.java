package org.dialplane.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.core.internal.http.JsonFeature;
import org.dialplane.core.rest.MediaTypes;
import org.dialplane.core.rest.Problem;
import org.dialplane.core.rest.Results;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.jackson.internal.jackson.jaxrs.json.JacksonJsonProvider;
import org.glassfish.jersey.message.MessageBodyWorkers;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonView;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.MessageBodyWriter;

/** Core's JSON writer: the bytes Jackson's provider wrote, and chosen by Jersey before that provider. */
class JsonWriterTest {
    private static final Annotation[] NONE = new Annotation[0];
    private final JsonWriter writer = new JsonWriter();
    private final JacksonJsonProvider jackson = new JacksonJsonProvider(Json.MAPPER);

    record Row(String extension, String name, Integer voicemail, List<String> devices, Map<String, Object> extra) {
    }

    static class Base {
        public String kind = "base";
    }

    static final class Derived extends Base {
        public String more = "derived";
    }

    static final class Document extends LinkedHashMap<String, Object> {
    }

    static class Holder<T> {
        public T value;

        Holder(T value) {
            this.value = value;
        }
    }

    @Test
    void whenAnswersAreWritten_thenTheBytesAreJacksonProvidersBytes() throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("extension", "50001");
        row.put("name", "Zoë \"quoted\" \\ back\u2028slash");
        row.put("secret", null);
        row.put("size", 3);
        row.put("price", new BigDecimal("1.50"));
        row.put("when", Instant.ofEpochSecond(1_700_000_000).toString());
        Document health = new Document();
        health.put("status", "up");
        health.put("uptime_seconds", 42L);
        health.put("degraded", List.of());
        List<Object> values = List.of(
                Results.of(List.of(row, Map.of("extension", "50002"))),
                new Results(List.of(row), 1000L, "cursor=="),
                new Problem("about:blank", "Unprocessable Content", 422, "Invalid fields",
                        List.of(new Problem.FieldError("name", "must not be empty"))),
                new Row("50001", "Alice", null, List.of("SIP/50001"), row),
                health, row, List.of(1, 2, 3), new Derived(),
                JsonNodeFactory.instance.objectNode().put("a", 1).putNull("b"),
                new Holder<>(List.of(row)));
        for (Object value : values) {
            for (MediaType type : List.of(MediaType.APPLICATION_JSON_TYPE, MediaTypes.PROBLEM_JSON_TYPE)) {
                assertSameBytes(value, value.getClass(), value.getClass(), type);
            }
        }
        // declared as a supertype or a generic type, as a resource method's return type declares it
        assertSameBytes(new Derived(), Derived.class, Base.class, MediaType.APPLICATION_JSON_TYPE);
        assertSameBytes(new ArrayList<>(List.of(row)), ArrayList.class,
                new GenericType<List<Map<String, Object>>>() { }.getType(), MediaType.APPLICATION_JSON_TYPE);
        assertSameBytes(new Holder<>(new Derived()), Holder.class, new GenericType<Holder<Base>>() { }.getType(),
                MediaType.APPLICATION_JSON_TYPE);
        assertSameBytes(new Holder<>(new Derived()), Holder.class, new GenericType<Holder<Base>>() { }.getType(),
                MediaType.APPLICATION_JSON_TYPE); // the second time from the writer's cache
    }

    private void assertSameBytes(Object value, Class<?> type, Type genericType, MediaType mediaType)
            throws IOException {
        assertTrue(writer.isWriteable(type, genericType, NONE, mediaType), () -> value + " as " + mediaType);
        assertArrayEquals(write(jackson, value, type, genericType, mediaType),
                write(writer, value, type, genericType, mediaType), () -> value + " declared as " + genericType);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static byte[] write(MessageBodyWriter target, Object value, Class<?> type, Type genericType,
            MediaType mediaType) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        target.writeTo(value, type, genericType, NONE, mediaType, new MultivaluedHashMap<>(), out);
        return out.toByteArray();
    }

    @Test
    void whenNotJsonOrNotJacksonsToLeave_thenDeclined() throws Exception {
        for (Class<?> type : List.of(String.class, StringBuilder.class, byte[].class, char[].class,
                StreamingOutput.class, Response.class, java.io.InputStream.class, java.io.File.class)) {
            assertFalse(writer.isWriteable(type, type, NONE, MediaType.APPLICATION_JSON_TYPE), type::getName);
        }
        assertFalse(writer.isWriteable(Row.class, Row.class, NONE, MediaType.TEXT_PLAIN_TYPE));
        assertFalse(writer.isWriteable(Row.class, Row.class, NONE, MediaType.valueOf("text/csv")));
        assertTrue(writer.isWriteable(Row.class, Row.class, NONE, MediaType.valueOf("text/json")));
        Method viewed = JsonWriterTest.class.getDeclaredMethod("viewed");
        assertFalse(writer.isWriteable(Row.class, Row.class, viewed.getAnnotations(),
                MediaType.APPLICATION_JSON_TYPE), "a @JsonView is Jackson's provider's to apply");
        assertTrue(writer.isWriteable(Row.class, Row.class,
                JsonWriterTest.class.getDeclaredMethod("plain").getAnnotations(), MediaType.APPLICATION_JSON_TYPE));
    }

    @JsonView(Base.class)
    @GET
    void viewed() {
    }

    @GET
    void plain() {
    }

    @Test
    void whenJerseyPicksAWriter_thenCoresBeforeJacksons() {
        ApplicationHandler handler = new ApplicationHandler(new ResourceConfig()
                .property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true).register(new JsonFeature()));
        MessageBodyWorkers workers = handler.getInjectionManager().getInstance(MessageBodyWorkers.class);
        for (Class<?> type : List.of(Results.class, Problem.class, LinkedHashMap.class, Row.class)) {
            for (MediaType mediaType : List.of(MediaType.APPLICATION_JSON_TYPE, MediaTypes.PROBLEM_JSON_TYPE)) {
                assertInstanceOf(JsonWriter.class, workers.getMessageBodyWriter(type, type, NONE, mediaType),
                        () -> type + " as " + mediaType);
            }
        }
        MessageBodyWriter<?> forView = workers.getMessageBodyWriter(Row.class, Row.class,
                Arrays.stream(JsonWriterTest.class.getDeclaredMethods()).filter(m -> m.getName().equals("viewed"))
                        .findFirst().orElseThrow().getAnnotations(), MediaType.APPLICATION_JSON_TYPE);
        assertEquals("DefaultJacksonJaxbJsonProvider", forView.getClass().getSimpleName());
    }
}
