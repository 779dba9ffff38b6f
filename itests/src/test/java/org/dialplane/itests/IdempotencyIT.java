package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * {@code Idempotency-Key} on POST: a retry with the same key gets the first answer again and creates nothing; the
 * key with another body is a 422 naming the header. The fault: the database taken away while the create is inside
 * its insert (a trigger makes that insert take seconds, the {@link TcpProxy} is cut meanwhile); the client gets a
 * 503, retries with the same key once the database is back, and the ring group exists exactly once.
 */
public class IdempotencyIT extends DialplaneTestSupport {
    private static final String POST_PATH = LoadDriver.RING_GROUPS + "?reload=0";
    private static final String KEY = "Idempotency-Key";

    private Http admin;

    @Override
    protected Option options() {
        return composite(ProxiedDatabase.options("IdempotencyIT"), Logins.adminPassword(),
                frameworkProperty("dialplane.apply.command").value("/bin/true"));
    }

    @Override
    public void awaitApi() {
        http = new Http(port());
        try {
            ProxiedDatabase.open(context);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        await("health up", Duration.ofSeconds(60), () -> http.get("/pbxapi/system/health").status() == 200);
    }

    @Before
    public void login() {
        admin = asAdmin();
    }

    @Test
    public void whenSameKeySentTwice_thenFirstAnswerReplayedAndCreatedOnce() throws Exception {
        String body = "{\"name\":\"twice\",\"extension_list\":[\"200\"]}";
        Http.Response first = post("key-twice", body);
        assertEquals(first.toString(), 201, first.status());
        Http.Response again = post("key-twice", body);
        assertEquals(again.toString(), 201, again.status());
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(1, named("twice"));

        Http.Response other = post("key-other", body); // another key is another request
        assertEquals(other.toString(), 201, other.status());
        assertEquals(2, named("twice"));
    }

    @Test
    public void whenSameKeyWithAnotherBody_then422NamingTheHeader() throws Exception {
        assertEquals(201, post("key-reused", "{\"name\":\"reused\",\"extension_list\":[\"200\"]}").status());
        Http.Response reused = post("key-reused", "{\"name\":\"reused-2\",\"extension_list\":[\"200\"]}");
        ContainerIT.assertProblem(reused, 422);
        assertTrue(reused.body(), reused.json().get("errors").toString().contains(KEY));
        assertEquals(0, named("reused-2"));
    }

    @Test
    public void whenApiKeyNamedLikeTheUserSendsTheSameKey_thenItsOwnRequest() throws Exception {
        String body = "{\"name\":\"shared\",\"extension_list\":[\"200\"]}";
        assertEquals(201, post("key-shared", body).status());
        String apiKey = Logins.apiKey(http, Logins.adminToken(http), "{\"name\":\"admin\"}");
        Http.Response asKey = http.bearer(apiKey).send("POST", POST_PATH, body,
                Map.of("Content-Type", "application/json", KEY, "key-shared"));
        assertEquals(asKey.toString(), 201, asKey.status());
        assertEquals("not the user's answer replayed", null, asKey.header("Idempotent-Replayed"));
        assertEquals(2, named("shared"));
    }

    @Test
    public void whenKeyIsNotVisibleAscii_then400() {
        ContainerIT.assertProblem(post("bad key", "{\"extension_list\":[\"200\"]}"), 400);
    }

    @Test
    public void whenDatabaseCutDuringTheInsert_then503AndTheRetryCreatesOnce() throws Exception {
        PbxSql.rows(context, "DROP TRIGGER IF EXISTS it_slow_insert");
        PbxSql.rows(context, "CREATE TRIGGER it_slow_insert BEFORE INSERT ON ringgroups FOR EACH ROW"
                + " BEGIN IF NEW.description = 'slow' THEN DO SLEEP(3); END IF; END");
        String body = "{\"name\":\"slow\",\"extension_list\":[\"200\"]}";
        TcpProxy proxy = ProxiedDatabase.open(context);
        CompletableFuture<Http.Response> pending = CompletableFuture.supplyAsync(() -> post("key-slow", body));
        await("the insert is running", () -> sleeping() > 0 || pending.isDone());
        assertTrue("the insert was still running when the database went: " + (pending.isDone() ? pending.join() : ""),
                !pending.isDone());
        proxy.close();
        Http.Response cut;
        try {
            cut = pending.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            proxy.open();
        }
        assertEquals(cut.toString(), 503, cut.status());
        assertNotNull(cut.toString(), cut.header("Retry-After"));

        await("the retry is answered 201", () -> post("key-slow", body).status() == 201);
        await("the insert cut off has ended on the server", () -> sleeping() == 0);
        PbxSql.rows(context, "DROP TRIGGER it_slow_insert");
        Http.Response replay = post("key-slow", body);
        assertEquals(replay.toString(), 201, replay.status());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals("created exactly once", 1, named("slow"));
    }

    @Test
    public void whenTheWriteWasAppliedButTheAnswerLost_then409NotASecondCreate() throws Exception {
        String body = "{\"name\":\"lost\",\"extension_list\":[\"200\"]}";
        assertEquals(201, post("key-lost", body).status());
        // What a commit acknowledged by the server but not the driver leaves behind: applied, no answer stored.
        PbxSql.rows(context, "UPDATE dp_idempotency SET status = NULL, body = NULL WHERE idem_key = 'key-lost'");
        assertEquals("1", PbxSql.row(context, "SELECT applied FROM dp_idempotency WHERE idem_key = 'key-lost'")
                .get("applied"));
        ContainerIT.assertProblem(post("key-lost", body), 409);
        assertEquals(1, named("lost"));
    }

    private Http.Response post(String key, String body) {
        return admin.send("POST", POST_PATH, body, Map.of("Content-Type", "application/json", KEY, key));
    }

    private int named(String name) throws Exception {
        return Integer.parseInt(PbxSql.row(context, "SELECT COUNT(*) AS n FROM ringgroups WHERE description = ?",
                name).get("n"));
    }

    /** Statements of the trigger still sleeping on the server. */
    private int sleeping() {
        try {
            return Integer.parseInt(PbxSql.row(context, "SELECT COUNT(*) AS n FROM information_schema.processlist"
                    + " WHERE info LIKE 'INSERT INTO ringgroups%' OR info LIKE 'DO SLEEP(3)%'").get("n"));
        } catch (Exception | AssertionError e) {
            return -1;
        }
    }
}
