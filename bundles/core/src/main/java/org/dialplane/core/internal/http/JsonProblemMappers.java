package org.dialplane.core.internal.http;

import org.dialplane.core.rest.Problem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Jersey discovers Jackson's own exception mappers (for {@link JsonParseException} and
 * {@link JsonMappingException}) even though {@link JsonFeature} asks for none, and an exact-type mapper beats
 * {@link ProblemMapper}'s catch-all. These two map the same types at a higher priority, so malformed JSON is a
 * 400 and a value of the wrong type a 422 naming the field, both as problem+json; what Jackson wraps while
 * writing (the database lost in the middle of a streamed list) is answered as the cause says.
 */
public final class JsonProblemMappers {
    private JsonProblemMappers() {
    }

    static Response respond(JsonProcessingException exception) {
        Response inner = ProblemMapper.fromCauses(exception, "a request");
        if (inner != null) {
            return inner;
        }
        Problem problem = ProblemMapper.fromJson(exception);
        return problem == null ? ProblemMapper.unexpected(exception, "a request")
                : ProblemMapper.respond(problem).build();
    }

    /** Malformed JSON. */
    @Component(service = ExceptionMapper.class)
    @JakartarsExtension
    @JakartarsName("dialplane.problems.jsonparse")
    @Priority(1)
    public static class Parse implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException exception) {
            return respond(exception);
        }
    }

    /** Well-formed JSON that does not fit the class a resource binds it to. */
    @Component(service = ExceptionMapper.class)
    @JakartarsExtension
    @JakartarsName("dialplane.problems.jsonmapping")
    @Priority(1)
    public static class Mapping implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException exception) {
            return respond(exception);
        }
    }
}
