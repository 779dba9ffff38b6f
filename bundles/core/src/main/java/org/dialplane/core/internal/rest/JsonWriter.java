package org.dialplane.core.internal.rest;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.type.TypeFactory;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.MessageBodyWriter;

/**
 * Writes JSON answers with {@link Json#MAPPER} through one {@link ObjectWriter} per type, made once. Jackson's
 * JAX-RS provider, which this takes over from for writing (it still reads), looked its endpoint configuration up
 * by the method's annotations, cleared a thread-local and resolved the type again on every response: most of the
 * JSON share of a cheap request's CPU, for the same bytes. The bytes are the same because the steps are: a UTF-8
 * generator that leaves the stream open, the mapper's own settings, the generic type forced as the root type only
 * when it is generic.
 * <p>
 * Declines, so that Jackson's provider or Jersey's own writers answer exactly as before: media types other than
 * JSON ({@code application/json}, {@code text/json}, {@code application/*+json}), the types Jackson's
 * provider leaves alone (text, bytes, streams, {@link StreamingOutput}, {@link Response}) and files, and any
 * response whose method carries a Jackson annotation ({@code @JsonView}, {@code @JacksonFeatures}, JSONP), which
 * only Jackson's provider interprets.
 */
// Jackson's provider's declaration: Jersey ranks writers by how close their declared types are to the answer's (for
// application/problem+json, */* is closer than application/*+json), and then by priority.
@Produces({ MediaType.APPLICATION_JSON, "text/json", MediaType.WILDCARD })
@Priority(1) // ahead of Jackson's provider (default priority) among writers of the same types and media types
public final class JsonWriter implements MessageBodyWriter<Object> {
    private static final List<Class<?>> NOT_JSON = List.of(CharSequence.class, byte[].class, char[].class,
            InputStream.class, Reader.class, OutputStream.class, Writer.class, StreamingOutput.class, Response.class,
            File.class, Path.class);
    /** Generic root types seen (a method returning {@code List<Row>}): bounded, the code declares only so many. */
    private static final int MAX_GENERIC_WRITERS = 256;

    private final ClassValue<ObjectWriter> byClass = new ClassValue<>() {
        @Override
        protected ObjectWriter computeValue(Class<?> type) {
            return Json.MAPPER.writerFor(type);
        }
    };
    private final ClassValue<Boolean> writable = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return NOT_JSON.stream().noneMatch(excluded -> excluded.isAssignableFrom(type));
        }
    };
    private final Map<GenericRoot, ObjectWriter> byGenericType = new ConcurrentHashMap<>();

    private record GenericRoot(Type declared, Class<?> actual) {
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonBodyReader.isJson(mediaType) && writable.get(type) && !jacksonAnnotated(annotations);
    }

    private static boolean jacksonAnnotated(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation annotation : annotations) {
                String name = annotation.annotationType().getName();
                if (name.startsWith("com.fasterxml.jackson.") || name.startsWith("org.glassfish.jersey.jackson.")) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        ObjectWriter writer = writerFor(value, type, genericType);
        JsonGenerator generator = writer.getFactory().createGenerator(entityStream, JsonEncoding.UTF8);
        // Jersey owns the entity stream: closing the generator must flush it, not close it.
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        boolean written = false;
        try {
            if (writer.isEnabled(SerializationFeature.INDENT_OUTPUT)) {
                generator.useDefaultPrettyPrinter();
            }
            writer.writeValue(generator, value);
            written = true;
        } finally {
            if (written) {
                generator.close();
            } else {
                closeQuietly(generator);
            }
        }
    }

    /**
     * The writer for the value's own class; for a generic declared type, that type specialised to the value's class
     * (as Jackson's provider forces it), unless it degenerates to {@code Object}.
     */
    ObjectWriter writerFor(Object value, Class<?> type, Type genericType) {
        if (value == null || genericType == null || genericType instanceof Class<?>) {
            return byClass.get(value == null ? type : value.getClass());
        }
        GenericRoot key = new GenericRoot(genericType, type);
        ObjectWriter cached = byGenericType.get(key);
        if (cached != null) {
            return cached;
        }
        TypeFactory types = Json.MAPPER.getTypeFactory();
        JavaType root = types.constructSpecializedType(types.constructType(genericType), type);
        ObjectWriter writer = root.getRawClass() == Object.class ? byClass.get(value.getClass())
                : Json.MAPPER.writerFor(root);
        if (byGenericType.size() < MAX_GENERIC_WRITERS) {
            byGenericType.putIfAbsent(key, writer);
        }
        return writer;
    }

    private static void closeQuietly(JsonGenerator generator) {
        try {
            generator.close();
        } catch (IOException | RuntimeException alreadyFailing) {
            // the write's own exception is the one that tells what went wrong
        }
    }
}
