package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.ServiceReference;

/**
 * /pbxapi/system/metrics: Prometheus's text format for global callers or the configured scrape token; requests by
 * route template (never an id), the database pools, AMI's state, the JVM; and meters a bundle adds through the
 * MeterRegistry service core registers.
 */
public class MetricsIT extends DialplaneTestSupport {
    private static final String METRICS = "/pbxapi/system/metrics";
    private static final String SCRAPE_TOKEN = "it-scrape-token-0123456789";

    @Override
    protected Option options() {
        return composite(database("MetricsIT"), Logins.adminPassword());
    }

    @Test
    public void whenGlobalCallerScrapes_thenPrometheusTextOfRequestsPoolsAmiAndJvm() {
        Http admin = asAdmin();
        admin.get("/pbxapi/extensions/98765");

        Http.Response scrape = admin.get(METRICS);

        assertEquals(scrape.toString(), 200, scrape.status());
        String type = scrape.header("Content-Type");
        assertTrue(type, type.startsWith("text/plain") && type.contains("version=0.0.4"));
        String text = scrape.body();
        assertTrue(text, text.contains("http_server_requests_seconds_bucket{method=\"GET\",outcome=\"CLIENT_ERROR\","
                + "status=\"404\",uri=\"/pbxapi/extensions/{ids}\",le=\"0.001\"}"));
        assertTrue(text, text.contains("uri=\"/pbxapi/system/health\""));
        assertFalse("no raw ids in labels", text.contains("98765"));
        assertTrue(text, text.contains("hikaricp_connections_active{pool=\"pbx\"}"));
        assertTrue(text, text.contains("hikaricp_connections_pending{pool=\"cdr\"}"));
        assertTrue(text, text.contains("dialplane_ami_state{state=\"DISABLED\"} 1.0"));
        assertTrue(text, text.contains("dialplane_ami_state{state=\"CONNECTED\"} 0.0"));
        assertTrue(text, text.contains("jvm_memory_used_bytes{area=\"heap\""));
        assertTrue(text, text.contains("jvm_threads_live_threads"));
        assertTrue(text, text.contains("jvm_gc_"));
        assertTrue("the events bundle's own meter: " + text,
                text.contains("dialplane_events_subscribers{kind=\"sse\"} 0.0"));
    }

    @Test
    public void whenNoCredentialOrWrongToken_thenRefused() throws IOException {
        configureScrapeToken();
        assertEquals(401, http.get(METRICS).status());
        assertEquals("application/problem+json", http.get(METRICS).header("Content-Type"));
        assertEquals(401, http.send("GET", METRICS, null, Logins.bearer(SCRAPE_TOKEN + "x")).status());
        assertEquals(401, http.send("GET", METRICS, null, Logins.bearer("it-scrape-token")).status());
    }

    @Test
    public void whenScrapeTokenConfigured_thenItScrapesWithoutALogin() throws IOException {
        configureScrapeToken();
        await("the scrape token is accepted",
                () -> http.send("GET", METRICS, null, Logins.bearer(SCRAPE_TOKEN)).status() == 200);
        assertTrue(http.send("GET", METRICS, null, Logins.bearer(SCRAPE_TOKEN)).body()
                .contains("http_server_requests_seconds_count"));
    }

    @Test
    public void whenBundleAddsAMeter_thenItIsScraped() {
        ServiceReference<io.micrometer.core.instrument.MeterRegistry> reference = context
                .getServiceReference(io.micrometer.core.instrument.MeterRegistry.class);
        io.micrometer.core.instrument.MeterRegistry registry = context.getService(reference);
        try {
            registry.counter("it.vendor.widgets.made", "kind", "blue").increment(3);
            String text = asAdmin().get(METRICS).body();
            assertTrue(text, text.contains("it_vendor_widgets_made_total{kind=\"blue\"} 3.0"));
        } finally {
            context.ungetService(reference);
        }
    }

    /** As etc/org.dialplane.metrics.cfg would; the test containers watch deploy/ for configurations. */
    private void configureScrapeToken() throws IOException {
        Path home = Path.of(context.getProperty("dialplane.home"));
        Path temporary = Files.writeString(home.resolve("org.dialplane.metrics.cfg.tmp"),
                "scrape.token = " + SCRAPE_TOKEN + "\n");
        Files.move(temporary, home.resolve("deploy/org.dialplane.metrics.cfg"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
