package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The live OpenAPI document of the default feature: the resources' declared fields are its schemas and list
 * parameters. The document is also written to {@code <dialplane.test.work>/openapi.json} for
 * {@code OpenApiDocumentCheck}, which validates it with an OpenAPI parser outside the container, in the failsafe
 * execution after this one. (Not referred to by class: the parser is not visible in the container.)
 */
public class OpenApiIT extends DialplaneTestSupport {
    static final String FILE = "openapi.json";

    /** A path of each resource bundle of the default feature: the document is complete once all are there. */
    private static final List<String> RESOURCES = List.of("/pbxapi/extensions", "/pbxapi/ringgroups",
            "/pbxapi/calls", "/pbxapi/queues", "/pbxapi/events", "/pbxapi/manager/{action}", "/pbxapi/media",
            "/pbxapi/customtypes", "/pbxapi/customdestinations", "/pbxapi/ringgroups/{extension}/members",
            "/pbxapi/responsepaths", "/pbxapi/voicemail", "/pbxapi/voicemail/{mailbox}/messages/{msgid}/audio");

    /** The resources that keep data register once their database is there. */
    @Override
    protected Option options() {
        return database("OpenApiIT");
    }

    private JsonNode document() throws Exception {
        await("every resource is in the document", () -> {
            JsonNode paths = http.get("/pbxapi/openapi.json").json().get("paths");
            return RESOURCES.stream().allMatch(paths::has);
        });
        Http.Response response = http.get("/pbxapi/openapi.json");
        assertEquals(response.toString(), 200, response.status());
        Path file = Path.of(System.getProperty("dialplane.test.work", "target/work"), FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, response.body(), StandardCharsets.UTF_8);
        return response.json();
    }

    @Test
    public void whenExtensionsAreActive_thenTheirSchemasCarryTheDeclaredFields() throws Exception {
        JsonNode schemas = document().get("components").get("schemas");
        JsonNode create = schemas.get("ExtensionCreate").get("properties");
        assertEquals(List.of("novm", "default"), texts(create.get("voicemail").get("enum")));
        assertEquals("novm", create.get("voicemail").get("default").asText());
        assertEquals("integer", create.get("ringtimer").get("type").asText());
        assertEquals(0, create.get("ringtimer").get("minimum").asInt());
        assertEquals(300, create.get("ringtimer").get("maximum").asInt());
        assertEquals("password", create.get("secret").get("format").asText());
        assertEquals(6, create.get("secret").get("minLength").asInt());
        assertFalse("dial is read-only", create.has("dial"));

        JsonNode item = schemas.get("Extension").get("properties");
        assertTrue(item.get("dial").get("readOnly").asBoolean());
        assertEquals("password", item.get("secret").get("format").asText());
        assertEquals("string", item.get("ringtimer").get("type").asText()); // pbxapi answers its columns as text

        assertEquals(List.of("extension_list"), texts(schemas.get("RingGroupCreate").get("required")));
        assertFalse(schemas.get("RingGroupUpdate").has("required"));
        assertEquals("integer", schemas.get("RingGroup").get("properties").get("ring_time").get("type").asText());
        assertTrue(schemas.has("Problem"));

        assertEquals(List.of("source", "dest"), texts(schemas.get("Originate").get("required")));
        assertEquals(300, schemas.get("Originate").get("properties").get("timeout").get("maximum").asInt());
        assertEquals(80, schemas.get("Pause").get("properties").get("reason").get("maxLength").asInt());

        assertEquals(List.of("mailbox", "pin"), texts(schemas.get("VoicemailCreate").get("required")));
        assertEquals("password", schemas.get("Voicemail").get("properties").get("pin").get("format").asText());
        assertTrue(schemas.get("Voicemail").get("properties").get("new").get("readOnly").asBoolean());
        assertEquals(List.of("folder"), texts(schemas.get("MessageMove").get("required")));
    }

    @Test
    public void whenVoicemailIsActive_thenMessagesAnswerJsonAndTheAudioItsThreeFormats() throws Exception {
        JsonNode paths = document().get("paths");
        JsonNode audio = paths.get("/pbxapi/voicemail/{mailbox}/messages/{msgid}/audio").get("get");
        List<String> types = new ArrayList<>();
        audio.at("/responses/2XX/content").fieldNames().forEachRemaining(types::add);
        assertEquals(List.of("audio/wav", "audio/x-wav", "audio/x-gsm"), types);
        assertTrue(names(audio.get("parameters")).contains("format"));
        assertEquals("#/components/schemas/MessageResults", paths.get("/pbxapi/voicemail/{mailbox}/messages")
                .at("/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/MessageMove", paths.get("/pbxapi/voicemail/{mailbox}/messages/{ids}")
                .at("/put/requestBody/content/application~1json/schema/$ref").asText());
    }

    @Test
    public void whenExtensionsAreActive_thenTheirOperationsReferToTheSchemasAndTakeTheListParameters()
            throws Exception {
        JsonNode paths = document().get("paths");
        JsonNode list = paths.get("/pbxapi/extensions").get("get");
        List<String> names = new ArrayList<>();
        list.get("parameters").forEach(p -> names.add(p.get("name").asText()));
        // format (csv or json) is the list's own query parameter, ahead of the list parameters core adds.
        assertEquals(List.of("format", "fields", "limit", "offset", "order", "direction", "search", "total", "after"),
                names);
        assertTrue(list.get("parameters").get(1).get("description").asText().contains("recording_in_internal"));
        assertEquals("#/components/schemas/ExtensionResults", list.at("/responses/200/content/application~1json/schema/$ref").asText());
        JsonNode post = paths.get("/pbxapi/extensions").get("post");
        assertEquals("#/components/schemas/ExtensionCreate",
                post.at("/requestBody/content/application~1json/schema/$ref").asText());
        assertTrue(post.get("responses").has("201"));
        assertTrue(names(post.get("parameters")).contains("reload"));
        for (String imports : List.of("/pbxapi/extensions/import", "/pbxapi/ringgroups/import")) {
            JsonNode answers = paths.get(imports).get("post").get("responses");
            assertTrue(imports + ": " + answers, answers.has("202") && !answers.has("201"));
        }
        assertEquals("#/components/schemas/RingGroupUpdate",
                paths.get("/pbxapi/ringgroups/{extension}").at("/put/requestBody/content/application~1json/schema/$ref")
                        .asText());
        assertEquals(0, paths.get("/pbxapi/system/health").get("get").get("security").size());
        assertEquals("#/components/schemas/Originate", paths.get("/pbxapi/calls")
                .at("/post/requestBody/content/application~1json/schema/$ref").asText());
    }

    @Test
    public void whenRingGroupsAreActive_thenTheDocsPageListsTheirBodyFieldsWithTheRequiredOnes() throws Exception {
        document();
        String docs = http.get("/pbxapi/docs/list").body();
        assertTrue(docs, docs.contains("body: alert_info, announce_id"));
        assertTrue(docs, docs.contains("extension_list*"));
    }

    private static List<String> names(JsonNode parameters) {
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(p.get("name").asText()));
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
