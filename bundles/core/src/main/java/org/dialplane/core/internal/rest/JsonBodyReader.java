package org.dialplane.core.internal.rest;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;

import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.JsonBody;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;

/**
 * Reads a {@link JsonBody} from a JSON request: an empty body is {@link JsonBody#EMPTY}, anything but a JSON
 * object is a 400. Malformed JSON, text after the object and a field given twice surface as Jackson's
 * exceptions, which core's mappers answer with a 400. Other media types find no reader: Jersey answers 415.
 */
@Component(service = MessageBodyReader.class)
@JakartarsExtension
@JakartarsName("dialplane.jsonbody")
@Consumes({ MediaType.APPLICATION_JSON, "application/*+json", "text/json" })
public class JsonBodyReader implements MessageBodyReader<JsonBody> {
    private static final ObjectReader READER = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonBody.class && isJson(mediaType);
    }

    static boolean isJson(MediaType mediaType) {
        if (mediaType == null) {
            return false;
        }
        String subtype = mediaType.getSubtype();
        return subtype.equals("json") && (mediaType.getType().equals("application")
                || mediaType.getType().equals("text"))
                || mediaType.getType().equals("application") && subtype.endsWith("+json");
    }

    @Override
    public JsonBody readFrom(Class<JsonBody> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        return parse(entityStream);
    }

    static JsonBody parse(InputStream entityStream) throws IOException {
        JsonNode tree;
        try {
            tree = READER.readTree(entityStream);
        } catch (CharConversionException undecodable) {
            // Jackson guesses UTF-16/32 from zero bytes and reports characters it cannot decode as an I/O
            // failure, which would be a 500 (found by JsonBodyFuzzTest): it is the request's fault.
            throw ApiException.badRequest("The request body is not JSON text in UTF-8: " + undecodable.getMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            return JsonBody.EMPTY;
        }
        if (!tree.isObject()) {
            throw ApiException.badRequest("The request body must be a JSON object, not " + describe(tree));
        }
        return JsonBody.of(Json.MAPPER.convertValue(tree, MAP));
    }

    private static String describe(JsonNode tree) {
        return switch (tree.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
