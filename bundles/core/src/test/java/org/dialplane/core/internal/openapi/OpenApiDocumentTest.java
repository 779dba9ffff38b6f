package org.dialplane.core.internal.openapi;

import static org.dialplane.core.rest.FieldSet.Trait.DEFAULT;
import static org.dialplane.core.rest.FieldSet.Trait.SEARCHABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.dialplane.core.auth.Public;
import org.dialplane.core.rest.FieldSet;
import org.dialplane.core.rest.FieldSpec;
import org.dialplane.core.rest.Fields;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Reload;
import org.dialplane.core.rest.Results;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The document of a resource that names its field set: valid OpenAPI, with the declaration's schemas. */
class OpenApiDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final class GadgetFields {
        static final FieldSet FIELDS = FieldSet.builder()
                .field("number", "g.number", FieldSpec.text().matches(Pattern.compile("[0-9]{2,10}"), "digits"),
                        DEFAULT, SEARCHABLE)
                .field("name", "g.name", FieldSpec.text().maxLength(50).required(), DEFAULT, SEARCHABLE)
                .field("mode", "g.mode", FieldSpec.text().oneOf("novm", "default").defaultValue("novm"))
                .field("ringtimer", "g.ringtimer", FieldSpec.integer().range(0, 300).answeredAsText())
                .field("secret", "g.secret", FieldSpec.text().length(6, 80).secret())
                .field("members", null, FieldSpec.textList().required().nonEmpty().distinct())
                .field("dial", "g.dial", FieldSpec.text().readOnly())
                .orderBy("number")
                .build();

        private GadgetFields() {
        }
    }

    @Path("gadgets")
    @Fields(GadgetFields.class)
    public static class GadgetsResource {
        @GET
        public Results list(@Context UriInfo uri) {
            return null;
        }

        @GET
        @Path("{ids}")
        public Results get(@PathParam("ids") String ids, @Context UriInfo uri) {
            return null;
        }

        @POST
        @Consumes("application/json")
        public Response create(JsonBody body, @QueryParam(Reload.NAME) String reload) {
            return null;
        }

        @PUT
        @Path("{number}")
        @Consumes("application/json")
        public Response save(@PathParam("number") String number, JsonBody body,
                @QueryParam(Reload.NAME) String reload) {
            return null;
        }

        @DELETE
        @Path("{ids}")
        public Response delete(@PathParam("ids") String ids, @QueryParam(Reload.NAME) String reload) {
            return null;
        }

        @GET
        @Path("open")
        @Public
        public String open() {
            return null;
        }

        @POST
        @Path("{number}/ring")
        @Consumes("application/json")
        @Fields(value = RingFields.class, name = "Ring", answers = false)
        public Results ring(@PathParam("number") String number, JsonBody body) {
            return null;
        }
    }

    /** A collection created from JSON or from an upload, whose items have a binary download. */
    @Path("sounds")
    public static class SoundsResource {
        @POST
        @Consumes("application/json")
        @Fields(GadgetFields.class)
        public Response create(JsonBody body, @QueryParam(Reload.NAME) String reload) {
            return null;
        }

        @POST
        @Consumes({"multipart/form-data", "audio/*"})
        @Fields(GadgetFields.class)
        public Response upload(java.io.InputStream audio, @QueryParam("name") String name) {
            return null;
        }

        @PUT
        @Path("{id}/audio")
        @Consumes("audio/*")
        public Response replace(@PathParam("id") String id, java.io.InputStream audio) {
            return null;
        }
    }

    static final class RingFields {
        static final FieldSet FIELDS = FieldSet.builder()
                .field("seconds", null, FieldSpec.integer().range(1, 60).required())
                .build();

        private RingFields() {
        }
    }

    private static String document() throws Exception {
        return JSON.writeValueAsString(OpenApiDocument.render("1.0.0",
                ResourceIntrospector.operations("/pbxapi", GadgetsResource.class)));
    }

    @Test
    void whenAResourceNamesItsFields_thenTheDocumentIsValidOpenApi() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document(), null, options);
        List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
        assertEquals(List.of(), messages, document());
        assertTrue(result.getOpenAPI().getComponents().getSchemas().containsKey("GadgetCreate"));
    }

    @Test
    void whenAResourceNamesItsFields_thenItsSchemasCarryTheDeclaration() throws Exception {
        JsonNode schemas = JSON.readTree(document()).get("components").get("schemas");
        JsonNode item = schemas.get("Gadget").get("properties");
        assertEquals("string", item.get("ringtimer").get("type").asText()); // answered as text
        assertTrue(item.get("dial").get("readOnly").asBoolean());
        assertEquals("password", item.get("secret").get("format").asText());

        JsonNode create = schemas.get("GadgetCreate");
        assertEquals(List.of("name", "members"), texts(create.get("required")));
        JsonNode ringtimer = create.get("properties").get("ringtimer");
        assertEquals("integer", ringtimer.get("type").asText());
        assertEquals(0, ringtimer.get("minimum").asInt());
        assertEquals(300, ringtimer.get("maximum").asInt());
        assertEquals(List.of("novm", "default"), texts(create.get("properties").get("mode").get("enum")));
        assertEquals("novm", create.get("properties").get("mode").get("default").asText());
        assertEquals("^(?:[0-9]{2,10})$", create.get("properties").get("number").get("pattern").asText());
        assertFalse(create.get("properties").has("dial"));
        assertFalse(schemas.get("GadgetUpdate").has("required"));
        assertEquals("#/components/schemas/Gadget",
                schemas.get("GadgetResults").get("properties").get("results").get("items").get("$ref").asText());
    }

    @Test
    void whenAResourceNamesItsFields_thenOperationsReferToThemAndListsTakeTheQueryParameters() throws Exception {
        JsonNode paths = JSON.readTree(document()).get("paths");
        JsonNode list = paths.get("/pbxapi/gadgets").get("get");
        List<String> names = new ArrayList<>();
        list.get("parameters").forEach(p -> names.add(p.get("name").asText()));
        assertEquals(List.of("fields", "limit", "offset", "order", "direction", "search", "total"), names);
        assertEquals(List.of("number", "name", "mode", "ringtimer", "secret", "dial"),
                texts(list.get("parameters").get(3).get("schema").get("enum")));
        assertEquals("#/components/schemas/GadgetResults",
                list.get("responses").get("200").get("content").get("application/json").get("schema").get("$ref")
                        .asText());
        JsonNode post = paths.get("/pbxapi/gadgets").get("post");
        assertEquals("#/components/schemas/GadgetCreate", post.get("requestBody").get("content")
                .get("application/json").get("schema").get("$ref").asText());
        assertTrue(post.get("responses").has("201"));
        assertEquals("reload", post.get("parameters").get(0).get("name").asText());
        assertEquals("#/components/schemas/GadgetUpdate", paths.get("/pbxapi/gadgets/{number}").get("put")
                .get("requestBody").get("content").get("application/json").get("schema").get("$ref").asText());
        assertEquals("#/components/responses/Problem", post.get("responses").get("422").get("$ref").asText());
        assertEquals(0, paths.get("/pbxapi/gadgets/open").get("get").get("security").size());
    }

    @Test
    void whenABodyIsNotTheAnswer_thenOnlyTheBodySchemaIsDeclaredAndTheAnswerIsAPlainResults() throws Exception {
        JsonNode document = JSON.readTree(document());
        JsonNode schemas = document.get("components").get("schemas");
        assertEquals(List.of("seconds"), texts(schemas.get("Ring").get("required")));
        assertFalse(schemas.has("RingCreate"));
        JsonNode ring = document.get("paths").get("/pbxapi/gadgets/{number}/ring").get("post");
        assertEquals("#/components/schemas/Ring",
                ring.at("/requestBody/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/Results",
                ring.at("/responses/200/content/application~1json/schema/$ref").asText());
        assertFalse(ring.get("responses").has("201"));
    }

    @Test
    void whenTwoMethodsTakeDifferentBodiesOnOnePath_thenOneOperationListsEveryBodyAndIsValid() throws Exception {
        String text = JSON.writeValueAsString(OpenApiDocument.render("1.0.0",
                ResourceIntrospector.operations("/pbxapi", SoundsResource.class)));
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, new ParseOptions());
        assertEquals(List.of(), result.getMessages() == null ? List.of() : result.getMessages(), text);
        JsonNode paths = JSON.readTree(text).get("paths");
        JsonNode content = paths.at("/~1pbxapi~1sounds/post/requestBody/content");
        assertEquals(List.of("application/json", "multipart/form-data", "audio/*"), names(content));
        assertEquals("#/components/schemas/GadgetCreate", content.at("/application~1json/schema/$ref").asText());
        assertEquals("binary", content.at("/audio~1*/schema/format").asText());
        assertEquals("object", content.at("/multipart~1form-data/schema/type").asText());
        List<String> parameters = new ArrayList<>();
        paths.at("/~1pbxapi~1sounds/post/parameters").forEach(p -> parameters.add(p.get("name").asText()));
        // Idempotency-Key: core's filter serves it on every authenticated POST.
        assertEquals(List.of("reload", "Idempotency-Key", "name"), parameters);
        assertEquals("header", paths.at("/~1pbxapi~1sounds/post/parameters/1/in").asText());
        assertEquals("binary", paths.at("/~1pbxapi~1sounds~1{id}~1audio/put/requestBody/content/audio~1*/schema/format")
                .asText());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
