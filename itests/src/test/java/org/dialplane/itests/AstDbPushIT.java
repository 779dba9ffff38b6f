package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.util.Map;

import org.dialplane.testing.fakeami.FakeAmiServer;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * What extensions and ring groups write to Asterisk's own database reaches Asterisk: the DBPut and DBDelTree
 * actions arrive at the AMI peer (the fake keeps an AstDB of what it was sent), after the write has committed.
 */
public class AstDbPushIT extends DialplaneTestSupport {
    private static FakeAmiServer server;

    private Http admin;

    @Override
    protected Option options() {
        return composite(database("AstDbPushIT"), Logins.adminPassword(), AmiIT.fakeAmi(),
                AmiIT.amiPointingAt(freePort()), frameworkProperty("dialplane.apply.command").value("/bin/true"));
    }

    @Before
    public void fakeAmiRuns() throws IOException {
        server = AmiPeers.of(this);
        await("the extensions resource answers", () -> http.get("/pbxapi/extensions").status() == 401);
        admin = asAdmin();
        await("AMI is connected", () -> server.loggedInClients() > 0);
    }

    @Test
    public void whenExtensionCreatedRenamedAndDeleted_thenAsteriskGetsEachAstDbChange() {
        Map<String, String> astDb = server.pbx().astDb();
        Http.Response created = admin.json("PUT", "/pbxapi/extensions/2301?reload=0",
                "{\"name\":\"Ada Lovelace\",\"secret\":\"Secret-2301\",\"ringtimer\":25}");
        assertEquals(created.toString(), 200, created.status());
        // Pushed one action at a time after the commit: wait for all of them, then each must hold its value.
        Map<String, String> expected = Map.of("AMPUSER/2301/cidname", "Ada Lovelace", "AMPUSER/2301/ringtimer", "25",
                "AMPUSER/2301/cidnum", "2301", "AMPUSER/2301/device", "2301", "DEVICE/2301/dial", "SIP/2301",
                "DEVICE/2301/type", "fixed", "DEVICE/2301/user", "2301");
        await("the new extension's AMPUSER and DEVICE keys", () -> astDb.keySet().containsAll(expected.keySet()));
        expected.forEach((key, value) -> assertEquals(key, value, astDb.get(key)));

        assertEquals(200, admin.json("PUT", "/pbxapi/extensions/2301?reload=0", "{\"name\":\"Grace Hopper\"}").status());
        await("the new name", () -> "Grace Hopper".equals(astDb.get("AMPUSER/2301/cidname")));
        assertEquals("an update sends only what changed", "25", astDb.get("AMPUSER/2301/ringtimer"));

        assertEquals(200, admin.send("DELETE", "/pbxapi/extensions/2301?reload=0", null, Map.of()).status());
        await("every key of the extension removed", () -> astDb.keySet().stream()
                .noneMatch(key -> key.startsWith("AMPUSER/2301/") || key.startsWith("DEVICE/2301/")));
        assertFalse(server.actions("DBDelTree").isEmpty());
    }

    @Test
    public void whenRingGroupWithCallerIdPrefixSavedAndDeleted_thenItsKeysFollow() {
        Map<String, String> astDb = server.pbx().astDb();
        Http.Response saved = admin.json("PUT", "/pbxapi/ringgroups/6301?reload=0",
                "{\"name\":\"Sales\",\"extension_list\":[\"200\"],\"change_callerid\":\"fixed\","
                        + "\"fixed_callerid\":\"5551234\"}");
        assertEquals(saved.toString(), 200, saved.status());
        await("the ring group's keys", () -> astDb.keySet().stream().anyMatch(key -> key.startsWith("RINGGROUP/6301/")));

        assertEquals(200, admin.send("DELETE", "/pbxapi/ringgroups/6301?reload=0", null, Map.of()).status());
        await("the ring group's keys removed", () -> astDb.keySet().stream()
                .noneMatch(key -> key.startsWith("RINGGROUP/6301/")));
        assertTrue(server.actions("DBDelTree").stream().anyMatch(action -> "RINGGROUP".equals(action.get("Family"))
                && "6301".equals(action.get("Key"))));
    }
}
