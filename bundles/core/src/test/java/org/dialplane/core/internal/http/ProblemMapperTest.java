package org.dialplane.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.util.List;

import org.dialplane.core.db.DatabaseException;
import org.dialplane.core.internal.rest.Json;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.MediaTypes;
import org.dialplane.core.rest.Problem;
import org.eclipse.jetty.http.BadMessageException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

class ProblemMapperTest {
    record Target(int size, List<String> members) {
    }

    private static JsonProcessingException readFails(String json) {
        try {
            Json.MAPPER.readValue(json, Target.class);
        } catch (JsonProcessingException e) {
            return e;
        }
        throw new AssertionError("read succeeded: " + json);
    }

    @Test
    void whenJsonMalformed_then400WithPositionWithoutJacksonInternals() {
        Problem problem = ProblemMapper.fromJson(readFails("{\"size\": }"));
        assertEquals(400, problem.status());
        assertTrue(problem.detail().contains("line 1, column"), problem.detail());
        assertFalse(problem.detail().contains("Source"), problem.detail());
    }

    @Test
    void whenValueHasTheWrongType_then422NamingTheField() {
        Problem problem = ProblemMapper.fromJson(readFails("{\"size\": \"big\"}"));
        assertEquals(422, problem.status());
        assertEquals(new Problem.FieldError("size", "must be a number"), problem.errors().get(0));
        Problem nested = ProblemMapper.fromJson(readFails("{\"members\": [[1]]}"));
        assertEquals("members.0", nested.errors().get(0).field());
    }

    @Test
    void whenBodyHasTheWrongShape_then400() {
        assertEquals(400, ProblemMapper.fromJson(readFails("[1]")).status());
    }

    @Test
    void whenJacksonFailsServerSide_thenNotTheRequestsFault() {
        assertNull(ProblemMapper.fromJson(InvalidDefinitionException.from((JsonParser) null, "no serializer",
                Json.MAPPER.constructType(Object.class))));
    }

    @Test
    void whenJerseyWrapsAnApiException_thenItIsAnsweredAsItself() {
        Response response = new ProblemMapper().toResponse(new ProcessingException("reading failed",
                new ApiException(413, "too big")));
        assertEquals(413, response.getStatus());
        assertEquals(MediaTypes.PROBLEM_JSON_TYPE, response.getMediaType());
    }

    /** A streamed list's query failing inside Jackson's writer: the cause's answer, not "body not valid JSON". */
    @Test
    void whenJacksonWrapsALostDatabaseWhileWriting_then503WithRetryAfter() {
        JsonMappingException wrapped = JsonMappingException.wrapWithPath(DatabaseException.of(
                new SQLNonTransientConnectionException("Socket error", "08000")), new Object(), "results");
        Response response = new JsonProblemMappers.Mapping().toResponse(wrapped);
        assertEquals(503, response.getStatus());
        assertEquals("5", String.valueOf(response.getHeaderString("Retry-After")));
        assertEquals(503, new ProblemMapper().toResponse(wrapped).getStatus());
    }

    @Test
    void whenJacksonWrapsAFailedQueryWhileWriting_then500NotTheRequestsFault() {
        JsonMappingException wrapped = JsonMappingException.wrapWithPath(DatabaseException.of(
                new SQLSyntaxErrorException("bad column", "42S22")), new Object(), "results");
        assertNull(ProblemMapper.fromJson(wrapped));
    }

    @Test
    void whenJettyCouldNotReadTheBody_then400AsTheRequestsFault() {
        Response response = new ProblemMapper().toResponse(new ProcessingException("reading failed",
                new IOException(new BadMessageException(400, "Bad chunk"))));
        assertEquals(400, response.getStatus());
        assertEquals("Bad chunk", ((Problem) response.getEntity()).detail());
    }

    @Test
    void whenExceptionUnexpected_then500RevealingNothing() {
        Response response = new ProblemMapper().toResponse(new IllegalStateException("secret internals"));
        assertEquals(500, response.getStatus());
        assertFalse(((Problem) response.getEntity()).detail().contains("secret"));
    }
}
