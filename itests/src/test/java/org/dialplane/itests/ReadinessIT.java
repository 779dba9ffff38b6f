package org.dialplane.itests;

import static org.dialplane.itests.ContainerIT.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Readiness: health answers 200 "up" only when the database is usable and every bundle of the features is active;
 * before that every request answers 503 with Retry-After (health its own "starting" document, everything else
 * problem+json), never a 404; later, a stopped bundle or a lost database makes health 503 "degraded", naming it.
 * The product reaches its database through a {@link TcpProxy} that the tests open and close: closed at first, so
 * the container starts without a database. The methods run in name order, as they follow one start; a rename
 * must keep that order (whenDatabase..., whenFeature..., whenLater...).
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ReadinessIT extends DialplaneTestSupport {
    private static final String PROXY_PORT = "readinessit.proxy.port";
    private static final String TARGET = "readinessit.proxy.target";
    private static final Duration DATABASE_RETRY = Duration.ofSeconds(45); // the product's back-off reaches 30 s
    private static TcpProxy proxy;

    /** Runs in the driver: the database URLs name the proxy's port, where nothing listens yet. */
    @Override
    protected Option options() {
        SharedDatabase.Server server = SharedDatabase.server();
        String name = SharedDatabase.databaseName("ReadinessIT", SharedDatabase.external());
        Matcher target = Pattern.compile("//([^:/]+)(?::(\\d+))?").matcher(server.url());
        if (!target.find()) {
            throw new IllegalStateException("Cannot read host and port from " + server.url());
        }
        int port = freePort();
        String url = "jdbc:mariadb://127.0.0.1:" + port + "/";
        return composite(Logins.adminPassword(),
                frameworkProperty("dialplane.db.url").value(url + name),
                frameworkProperty("dialplane.cdr.db.url").value(url + name + "_cdr"),
                frameworkProperty("dialplane.db.user").value(server.user()),
                frameworkProperty("dialplane.db.password").value(server.password()),
                frameworkProperty(PROXY_PORT).value(Integer.toString(port)),
                frameworkProperty(TARGET).value(target.group(1) + ":"
                        + (target.group(2) == null ? "3306" : target.group(2))));
    }

    /** Replaces the base class's wait for health 200: here the API starts without its database. */
    @Override
    @Before
    public void awaitApi() {
        http = new Http(port());
        synchronized (ReadinessIT.class) {
            if (proxy == null) {
                String[] target = context.getProperty(TARGET).split(":");
                proxy = new TcpProxy(Integer.parseInt(context.getProperty(PROXY_PORT)), target[0],
                        Integer.parseInt(target[1]));
            }
        }
        await("the public port answers", () -> http.get("/pbxapi/system/health").status() > 0);
    }

    @Test
    public void whenDatabaseIsUnreachableAtStart_thenEveryRequest503AndHealthSaysStarting() throws IOException {
        Http.Response health = http.get("/pbxapi/system/health");
        assertEquals(health.toString(), 503, health.status());
        assertNotNull(health.toString(), health.header("retry-after"));
        assertEquals("starting", health.json().get("status").asText());
        assertTrue(health.body(), health.json().get("waiting_for").toString().contains("database"));
        assertTrue(health.body(), health.json().has("database") && health.json().has("ami"));

        for (Http.Response response : new Http.Response[] {
                http.send("POST", "/pbxapi/authenticate", "user=admin&password=x",
                        Map.of("Content-Type", "application/x-www-form-urlencoded")),
                http.get("/pbxapi/extensions?limit=1"), // needs the database: 503, not 404
                http.get("/pbxapi/no/such/thing"),
                http.get("/pbxapi/openapi.json") }) {
            assertProblem(response, 503);
            assertNotNull(response.toString(), response.header("retry-after"));
            // the readiness gate's answers carry the request id too (RequestIdFilter is ranked before it)
            assertNotNull(response.toString(), response.header("x-request-id"));
            assertEquals(response.header("x-request-id"), response.json().get("requestId").asText());
        }

        proxy.open();
        await("health answers 200 up once the database is reachable", DATABASE_RETRY,
                () -> http.get("/pbxapi/system/health").status() == 200);
        assertEquals("up", http.get("/pbxapi/system/health").json().get("status").asText());
        assertEquals(401, http.send("POST", "/pbxapi/authenticate", "user=admin&password=x",
                Map.of("Content-Type", "application/x-www-form-urlencoded")).status());
    }

    @Test
    public void whenFeatureBundleStops_thenHealthDegradedNamingItUntilActiveAgain() throws Exception {
        proxy.open();
        await("health up", DATABASE_RETRY, () -> http.get("/pbxapi/system/health").status() == 200);
        Bundle ringGroups = bundle("org.dialplane.ringgroups");
        ringGroups.stop(Bundle.STOP_TRANSIENT);
        try {
            await("health degraded", () -> http.get("/pbxapi/system/health").status() == 503);
            JsonNode health = http.get("/pbxapi/system/health").json();
            assertEquals("degraded", health.get("status").asText());
            assertTrue(health.toString(), health.get("down").toString().contains("org.dialplane.ringgroups"));
            assertEquals("up", health.get("database").get("state").asText());
        } finally {
            ringGroups.start(Bundle.START_TRANSIENT);
        }
        await("health up again", () -> http.get("/pbxapi/system/health").status() == 200);
    }

    @Test
    public void whenLaterTheDatabaseGoesAway_thenHealthDegradedAndUpWhenItIsBack() throws IOException {
        proxy.open();
        await("health up", DATABASE_RETRY, () -> http.get("/pbxapi/system/health").status() == 200);
        Http admin = asAdmin();
        proxy.close();
        try {
            await("health degraded", () -> http.get("/pbxapi/system/health").status() == 503);
            JsonNode health = http.get("/pbxapi/system/health").json();
            assertEquals("degraded", health.get("status").asText());
            assertEquals(health.toString(), "unreachable", health.get("database").get("state").asText());
            assertTrue(health.toString(), health.get("down").toString().contains("database"));
            // A resource that needs the database answers 503 (core maps a lost connection so), never 404 or 500.
            Http.Response extensions = admin.get("/pbxapi/extensions?limit=1");
            assertProblem(extensions, 503);
            assertNotNull(extensions.toString(), extensions.header("retry-after"));
        } finally {
            proxy.open();
        }
        await("health up again", DATABASE_RETRY, () -> http.get("/pbxapi/system/health").status() == 200);
    }

    private Bundle bundle(String symbolicName) throws BundleException {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new BundleException(symbolicName + " is not installed");
    }
}
