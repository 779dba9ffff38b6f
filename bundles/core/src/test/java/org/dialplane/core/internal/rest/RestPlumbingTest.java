package org.dialplane.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.core.internal.http.JsonFeature;
import org.dialplane.core.internal.http.JsonProblemMappers;
import org.dialplane.core.internal.http.ProblemMapper;
import org.dialplane.core.internal.http.ProblemResponseFilter;
import org.dialplane.core.internal.rest.InMemoryJersey.Answer;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The plumbing as a resource bundle gets it: through Jersey, with core's extensions registered. */
class RestPlumbingTest {
    private static final int LIMIT = 1024;
    private static InMemoryJersey jersey;

    @BeforeAll
    static void startJersey() {
        // Auto-discovery would add Jackson's own exception mappers, which the whiteboard runtime does not.
        jersey = new InMemoryJersey(withCoreExtensions(new ResourceConfig()
                .property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)));
    }

    /** Core's extensions, as the whiteboard registers them, and the test resource. */
    private static ResourceConfig withCoreExtensions(ResourceConfig config) {
        return config.register(new JsonFeature())
                .register(new ProblemMapper())
                .register(new JsonProblemMappers.Parse())
                .register(new JsonProblemMappers.Mapping())
                .register(new ProblemResponseFilter())
                .register(new JsonBodyReader())
                .register(new BodySizeLimit(LIMIT))
                .register(WidgetsResource.class);
    }

    @BeforeEach
    void resetTable() {
        WidgetsResource.TABLE.clear();
        WidgetsResource.RELOADS.set(0);
        for (int i = 100; i < 105; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", Integer.toString(i));
            row.put("name", "widget " + i + (i % 2 == 0 ? " even" : " odd"));
            row.put("size", i - 99);
            WidgetsResource.TABLE.put(Integer.toString(i), row);
        }
    }

    @Test
    void whenListed_thenEnvelopedWithDefaultFieldsAndNoTotal() throws Exception {
        JsonNode body = json(ok(jersey.get("widgets")));
        assertEquals(5, body.get("results").size());
        assertEquals(List.of("id", "name"), names(body.get("results").get(0)));
        assertNull(body.get("total"));
    }

    @Test
    void whenListedWithPageOrderAndSearch_thenItHasATotal() throws Exception {
        JsonNode body = json(ok(jersey.get("widgets?limit=2&offset=1&order=id&direction=desc&search=even")));
        assertEquals(3, body.get("total").asInt());
        assertEquals("102", body.get("results").get(0).get("id").asText());
        assertEquals("100", body.get("results").get(1).get("id").asText());
    }

    @Test
    void whenListedWithFieldsStar_thenAllFields() throws Exception {
        JsonNode body = json(ok(jersey.get("widgets?fields=*")));
        assertEquals(List.of("id", "name", "size"), names(body.get("results").get(0)));
    }

    @Test
    void whenOneFetchedWithChosenFields_thenAListOfOneWithThoseFields() throws Exception {
        JsonNode body = json(ok(jersey.get("widgets/101?fields=size,id")));
        assertEquals(1, body.get("results").size());
        assertEquals(List.of("size", "id"), names(body.get("results").get(0)));
    }

    @Test
    void whenManyFetched_thenInTheRequestedOrder() throws Exception {
        JsonNode body = json(ok(jersey.get("widgets/103,101")));
        assertEquals("103", body.get("results").get(0).get("id").asText());
        assertEquals("101", body.get("results").get(1).get("id").asText());
    }

    @Test
    void whenQueryParametersAreBad_then400ProblemsNamingThem() throws Exception {
        assertProblem(jersey.get("widgets?fields=id,colour"), 400, "colour");
        assertProblem(jersey.get("widgets?limit=5000"), 400, "limit");
        assertProblem(jersey.get("widgets?offset=-1"), 400, "offset");
        assertProblem(jersey.get("widgets?order=colour"), 400, "colour");
        assertProblem(jersey.get("widgets?direction=up"), 400, "direction");
        assertProblem(jersey.get("widgets/1x1"), 400, "1x1");
    }

    @Test
    void whenIdsAreMissing_then404NamingThem() throws Exception {
        assertProblem(jersey.get("widgets/101,998,999"), 404, "998, 999");
    }

    @Test
    void whenPosted_thenCreated201WithLocationAndNoBody() {
        Answer answer = jersey.send("POST", "widgets", "application/json", "{\"name\":\"new\",\"size\":\"3\"}");
        assertEquals(201, answer.status());
        assertEquals("http://localhost/pbxapi/widgets/105", answer.header("Location"));
        assertEquals("", answer.body());
        assertEquals(3, WidgetsResource.TABLE.get("105").get("size"));
        assertEquals(1, WidgetsResource.RELOADS.get());
    }

    @Test
    void whenPostedWithReloadOffInBodyOrQuery_thenNoReload() {
        jersey.send("POST", "widgets", "application/json", "{\"name\":\"a\",\"reload\":false}");
        jersey.send("POST", "widgets?reload=0", "application/json", "{\"name\":\"b\"}");
        assertEquals(0, WidgetsResource.RELOADS.get());
    }

    @Test
    void whenReloadIsBad_then400() throws Exception {
        assertProblem(jersey.send("POST", "widgets?reload=maybe", "application/json", "{\"name\":\"a\"}"), 400,
                "reload");
        assertProblem(jersey.send("POST", "widgets", "application/json", "{\"name\":\"a\",\"reload\":\"yes\"}"),
                400, "reload");
        assertEquals(0, WidgetsResource.RELOADS.get());
        assertEquals(5, WidgetsResource.TABLE.size());
    }

    @Test
    void whenPutTwice_thenCreatesThenUpdatesOnlyTheFieldsSent() {
        Answer created = jersey.send("PUT", "widgets/200", "application/json", "{\"name\":\"two\",\"size\":2}");
        assertEquals(200, created.status());
        assertEquals("http://localhost/pbxapi/widgets/200", created.header("Location"));
        Answer updated = jersey.send("PUT", "widgets/200", "application/json", "{\"size\":5}");
        assertEquals(200, updated.status());
        assertNull(updated.header("Location"));
        assertEquals("two", WidgetsResource.TABLE.get("200").get("name"));
        assertEquals(5, WidgetsResource.TABLE.get("200").get("size"));
    }

    @Test
    void whenFieldsAreInvalid_then422ListingEachField() throws Exception {
        Answer answer = jersey.send("POST", "widgets", "application/json", "{\"size\":\"huge\"}");
        JsonNode problem = assertProblem(answer, 422, "2 fields");
        assertEquals("name", problem.get("errors").get(0).get("field").asText());
        assertEquals("is required", problem.get("errors").get(0).get("message").asText());
        assertEquals("size", problem.get("errors").get(1).get("field").asText());
    }

    @Test
    void whenBoundRecordGetsAWrongType_then422NamingTheField() throws Exception {
        Answer answer = jersey.send("POST", "widgets/100/resize", "application/json", "{\"size\":\"big\"}");
        JsonNode problem = assertProblem(answer, 422, "size");
        assertEquals("size", problem.get("errors").get(0).get("field").asText());
    }

    @Test
    void whenManyDeleted_thenAllOrNothing() throws Exception {
        assertProblem(jersey.send("DELETE", "widgets/100,999", null, (String) null), 404, "999");
        assertEquals(5, WidgetsResource.TABLE.size());
        Answer answer = jersey.send("DELETE", "widgets/100,101", null, (String) null);
        assertEquals(200, answer.status());
        assertEquals(3, WidgetsResource.TABLE.size());
    }

    @Test
    void whenJsonIsMalformed_then400Problem() throws Exception {
        assertProblem(jersey.send("POST", "widgets", "application/json", "{\"name\": "), 400, "not valid JSON");
        assertProblem(jersey.send("POST", "widgets", "application/json", "{\"name\":\"a\"} trailing"), 400,
                "not valid JSON");
        assertProblem(jersey.send("POST", "widgets/100/resize", "application/json", "{\"size\""), 400,
                "not valid JSON");
    }

    @Test
    void whenNoBodyAtAll_thenItIsAnEmptyBody() throws Exception {
        assertProblem(jersey.send("POST", "widgets", null, (String) null), 422, "name");
        assertProblem(jersey.send("POST", "widgets", "application/json", ""), 422, "name");
    }

    @Test
    void whenJsonIsNotAnObject_then400Problem() throws Exception {
        assertProblem(jersey.send("POST", "widgets", "application/json", "[1,2]"), 400, "an array");
    }

    @Test
    void whenMediaTypeIsWrong_then415Problem() throws Exception {
        assertProblem(jersey.send("POST", "widgets", "text/plain", "name=a"), 415, "text/plain");
        assertProblem(jersey.send("POST", "widgets", "application/x-www-form-urlencoded", "{\"name\":\"a\"}"), 415,
                "application/x-www-form-urlencoded");
    }

    @Test
    void whenBodyIsOverTheLimitDeclaredOrChunked_then413Problem() throws Exception {
        byte[] big = ("{\"name\":\"" + "x".repeat(LIMIT) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertProblem(jersey.send("POST", "widgets", "application/json", big, false), 413, "larger than 1024");
        assertProblem(jersey.send("POST", "widgets", "application/json", big, true), 413, "larger than 1024");
        assertProblem(jersey.send("POST", "widgets/100/resize", "application/json", big, true), 413, "1024");
        assertEquals(5, WidgetsResource.TABLE.size());
    }

    @Test
    void whenParameterHasItsOwnLimit_thenItTakesBiggerBodies() throws Exception {
        String body = "{\"data\":\"" + "x".repeat(2 * LIMIT) + "\"}";
        assertEquals(200, jersey.send("POST", "widgets/100/picture", "application/json", body).status());
        String tooBig = "{\"data\":\"" + "x".repeat(4 * LIMIT) + "\"}";
        assertProblem(jersey.send("POST", "widgets/100/picture", "application/json", tooBig), 413, "4096");
    }

    @Test
    void whenMethodIsWrong_then405ProblemWithAllow() throws Exception {
        Answer answer = jersey.send("PATCH", "widgets/100", "application/json", "{}");
        assertProblem(answer, 405, "PUT");
        assertTrue(answer.header("Allow").contains("DELETE"), answer.header("Allow"));
    }

    @Test
    void whenPathIsUnknown_then404Problem() throws Exception {
        assertProblem(jersey.get("gadgets"), 404, "/pbxapi/gadgets");
    }

    @Test
    void whenJacksonFailsEvenWithItsOwnMappersDiscovered_thenOurProblems() throws Exception {
        // Auto-discovery adds Jackson's exception mappers, as it does in the OSGi runtime.
        InMemoryJersey discovering = new InMemoryJersey(withCoreExtensions(new ResourceConfig()));
        Answer mismatch = discovering.send("POST", "widgets/100/resize", "application/json", "{\"size\":\"big\"}");
        assertEquals("size", assertProblem(mismatch, 422, "size").get("errors").get(0).get("field").asText());
        assertProblem(discovering.send("POST", "widgets/100/resize", "application/json", "{\"size\""), 400,
                "not valid JSON");
        assertProblem(discovering.send("POST", "widgets/100/resize", "application/json", "{\"size\" x"), 400,
                "not valid JSON");
    }

    @Test
    void whenAnotherProviderBuildsTheError_thenItIsRewrittenAsProblem() throws Exception {
        Answer answer = jersey.get("widgets/teapot");
        assertProblem(answer, 418, "short and stout");
    }

    private static String ok(Answer answer) {
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
        return answer.body();
    }

    private static JsonNode assertProblem(Answer answer, int status, String detailPart) throws Exception {
        assertEquals(status, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.contentType());
        JsonNode problem = json(answer.body());
        assertEquals(status, problem.get("status").asInt());
        assertTrue(problem.get("detail").asText().contains(detailPart), problem.toString());
        return problem;
    }

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
