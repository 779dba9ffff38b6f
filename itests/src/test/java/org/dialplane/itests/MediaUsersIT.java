package org.dialplane.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.dialplane.media.api.MediaUsage;
import org.dialplane.media.api.MediaUse;
import org.junit.Test;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who may see and change media files, and who keeps them from being deleted: tenants' keys see only their own
 * (another tenant's are 404), read-only keys cannot write (403), and a media file a ring group, a queue or another
 * bundle's {@link MediaUsage} still plays is not deleted (409 naming each user).
 */
public class MediaUsersIT extends MediaTestSupport {

    @Test
    public void whenUsedByARingGroupOrAQueue_thenDeleteIs409NamingThemAndNothingIsDeleted() throws Exception {
        String used = withAudio(0.5);
        String free = withAudio(0.5);
        Uploads.Reply group = admin.json("PUT", "/pbxapi/ringgroups/650?reload=0",
                "{\"name\":\"Sales\",\"extension_list\":[\"200\"],\"announce_id\":" + used + "}");
        assertEquals(group.toString(), 200, group.status());
        sql("INSERT INTO queues_config (extension, descr, joinannounce_id) VALUES ('401', 'Support', ?)",
                Integer.valueOf(used));

        Uploads.Reply refused = admin.json("DELETE", "/pbxapi/media/" + free + "," + used, null);
        assertEquals(refused.toString(), 409, refused.status());
        String detail = refused.json().get("detail").asText();
        assertTrue(detail, detail.contains("Media file " + used + " is used by ring group 650 (Sales)"));
        assertTrue(detail, detail.contains("queue 401 (Support)"));
        assertEquals("all or nothing", 200, admin.get("/pbxapi/media/" + free).status());

        assertEquals(200, admin.json("DELETE", "/pbxapi/ringgroups/650?reload=0", null).status());
        assertEquals(409, admin.json("DELETE", "/pbxapi/media/" + used, null).status());
        sql("DELETE FROM queues_config WHERE extension = '401'");
        assertEquals(200, admin.json("DELETE", "/pbxapi/media/" + free + "," + used, null).status());
        assertEquals(404, admin.get("/pbxapi/media/" + used).status());
        assertFalse(Files.exists(sounds().resolve("custom/default/media-" + used + ".wav")));
    }

    @Test
    public void whenAnotherBundleReportsAUse_thenDeleteIs409NamingItUntilItGoes() {
        String id = withAudio(0.5);
        ServiceRegistration<MediaUsage> registration = context.registerService(MediaUsage.class,
                new ResponsePathUsage(id), null);
        try {
            Uploads.Reply refused = admin.json("DELETE", "/pbxapi/media/" + id, null);
            assertEquals(refused.toString(), 409, refused.status());
            assertTrue(refused.text(), refused.json().get("detail").asText().contains("response path 7 (Orders)"));
        } finally {
            registration.unregister();
        }
        assertEquals(200, admin.json("DELETE", "/pbxapi/media/" + id, null).status());
    }

    @Test
    public void whenTenantsKeysUseMedia_thenEachSeesOnlyItsOwnAndItsFilesStayApart() {
        String tenantA = Logins.tenant(http, adminToken, 8200, 8299);
        String tenantB = Logins.tenant(http, adminToken, 8300, 8399);
        Uploads keyA = new Uploads(port(), Logins.apiKey(http, adminToken, "{\"name\":\"a\",\"tenant\":\"" + tenantA + "\"}"));
        Uploads keyB = new Uploads(port(), Logins.apiKey(http, adminToken, "{\"name\":\"b\",\"tenant\":\"" + tenantB + "\"}"));

        String id = Uploads.createdId(keyA.raw("POST", "/pbxapi/media?name=Menu", AudioFiles.tone(AudioFiles.MULAW_8K, 1)));
        assertTrue(Files.isRegularFile(sounds().resolve("custom/" + tenantA + "/media-" + id + ".wav")));
        assertEquals("custom/" + tenantA + "/media-" + id,
                keyA.get("/pbxapi/media/" + id).json().at("/results/0/filename").asText());
        assertEquals(200, keyA.get(audio(id)).status());

        assertEquals(404, keyB.get("/pbxapi/media/" + id).status());
        assertEquals(404, keyB.get(audio(id)).status());
        assertEquals(404, keyB.raw("PUT", audio(id), AudioFiles.tone(AudioFiles.MULAW_8K, 0.5)).status());
        assertEquals(404, keyB.json("DELETE", "/pbxapi/media/" + id, null).status());
        assertEquals(404, keyB.json("PUT", "/pbxapi/media/" + id, "{\"name\":\"Mine\"}").status());
        assertFalse(ids(keyB.get("/pbxapi/media").json()).contains(id));
        assertTrue(ids(keyA.get("/pbxapi/media").json()).contains(id));
        assertTrue(ids(admin.get("/pbxapi/media").json()).contains(id));
        assertEquals(8000, audioOf(id).frames()); // the admin hears it, unchanged
    }

    @Test
    public void whenReadOnlyKeyWrites_then403AndNothingChanges() {
        String id = withAudio(0.5);
        byte[] before = admin.get(audio(id)).body();
        Uploads readOnly = new Uploads(port(), Logins.apiKey(http, adminToken, "{\"name\":\"ro\",\"read_only\":true}"));
        assertEquals(200, readOnly.get("/pbxapi/media/" + id).status());
        assertArrayEquals(before, readOnly.get(audio(id)).body());
        List<Uploads.Reply> refused = List.of(
                readOnly.json("POST", "/pbxapi/media", "{\"name\":\"x\"}"),
                readOnly.raw("POST", "/pbxapi/media?name=x", AudioFiles.tone(AudioFiles.MULAW_8K, 0.5)),
                readOnly.form("POST", "/pbxapi/media", Map.of(), AudioFiles.tone(AudioFiles.MULAW_8K, 0.5)),
                readOnly.json("PUT", "/pbxapi/media/" + id, "{\"name\":\"x\"}"),
                readOnly.raw("PUT", audio(id), AudioFiles.tone(AudioFiles.MULAW_8K, 1)),
                readOnly.form("PUT", audio(id), Map.of(), AudioFiles.tone(AudioFiles.MULAW_8K, 1)),
                readOnly.json("DELETE", "/pbxapi/media/" + id, null));
        for (Uploads.Reply reply : refused) {
            assertEquals(reply.toString(), 403, reply.status());
        }
        assertArrayEquals(before, admin.get(audio(id)).body());
        assertEquals("Test", admin.get("/pbxapi/media/" + id).json().at("/results/0/name").asText());
    }

    private static List<String> ids(JsonNode results) {
        return JsonAssert.texts(results.get("results"), "id");
    }

    /** What the response paths bundle registers: its paths' prompts, here one path playing one media file. */
    static final class ResponsePathUsage implements MediaUsage {
        private final String mediaId;

        ResponsePathUsage(String mediaId) {
            this.mediaId = mediaId;
        }

        @Override
        public List<MediaUse> usesOf(Collection<String> mediaIds) {
            return mediaIds.contains(mediaId) ? List.of(new MediaUse(mediaId, "response path 7 (Orders)")) : List.of();
        }
    }
}
