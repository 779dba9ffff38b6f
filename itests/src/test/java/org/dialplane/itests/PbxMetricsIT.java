package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.util.regex.Pattern;

import org.dialplane.testing.fakeami.FakeAmiServer;
import org.junit.AfterClass;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * The PBX side of /pbxapi/system/metrics against the fake AMI over TCP and a real apply command: the AMI
 * connection's state, AMI actions timed by action and outcome, apply-changes runs timed by method and result.
 */
public class PbxMetricsIT extends DialplaneTestSupport {
    private static final String METRICS = "/pbxapi/system/metrics";
    private static FakeAmiServer server;

    @Override
    protected Option options() {
        return composite(database("PbxMetricsIT"), Logins.adminPassword(), AmiIT.fakeAmi(),
                AmiIT.amiPointingAt(freePort()),
                frameworkProperty("dialplane.apply.command").value("/bin/sh -c \"echo applied\""));
    }

    @AfterClass
    public static void stopAmi() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    public void whenAmiAnswersAndChangesAreApplied_thenBothAreMeasured() throws IOException {
        int port = Integer.parseInt(context.getProperty("dialplane.ami.port"));
        server = FakeAmiServer.start("dialplane", "s3cret", port);
        Http admin = asAdmin();
        await("AMI is connected", () -> admin.get("/pbxapi/calls/count").status() == 200);
        Http.Response applied = admin.json("POST", "/pbxapi/applychanges", "{}");
        assertEquals(applied.toString(), 202, applied.status());

        String[] scraped = new String[1];
        try {
            await("the apply run is measured", () -> (scraped[0] = admin.get(METRICS).body())
                    .contains("dialplane_apply_seconds_count{method=\"command\",result=\"success\"} 1"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; Dialplane's meters: "
                    + scraped[0].lines().filter(l -> l.startsWith("dialplane_")).toList(), e);
        }
        String text = scraped[0];
        assertTrue(text, text.contains("dialplane_ami_state{state=\"CONNECTED\"} 1.0"));
        assertTrue(text, text.contains("dialplane_ami_state{state=\"DISCONNECTED\"} 0.0"));
        assertTrue(text, Pattern.compile("dialplane_ami_action_seconds_count\\{action=\"[A-Za-z]+\","
                + "outcome=\"answered\"\\} [1-9]").matcher(text).find());
        assertTrue(text, text.contains("uri=\"/pbxapi/calls/count\""));
    }
}
