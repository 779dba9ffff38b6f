package org.dialplane.core.internal.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.dialplane.core.internal.ami.AmiClient;
import org.dialplane.core.internal.ami.AmiSettings;
import org.dialplane.testing.fakeami.FakeAmiServer;
import org.junit.jupiter.api.Test;

class AmiReloadApplierTest {

    private static AmiSettings settings(String host, int port) {
        return new AmiSettings(host, port, "dialplane", "s3cret", Duration.ofSeconds(2), Duration.ofMillis(100),
                Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    @Test
    void whenNoCommandConfigured_thenChangesAreAppliedByAnAmiReload() throws Exception {
        try (FakeAmiServer server = FakeAmiServer.start();
                AmiClient ami = new AmiClient(settings(server.host(), server.port()), Map.of())) {
            ami.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!ami.isConnected() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Applier applier = ApplyChangesComponent.applier("", ami, Duration.ofSeconds(5));
            assertEquals("ami-reload", applier.method());
            assertEquals("success", applier.apply().result());
            assertEquals("all", server.pbx().reloads());
        }
    }

    @Test
    void whenNeitherCommandNorAmi_thenTheApplyIsSkippedVisibly() {
        try (AmiClient ami = new AmiClient(settings("", 5038), Map.of())) {
            Applier applier = ApplyChangesComponent.applier(null, ami, Duration.ofSeconds(5));
            assertEquals("none", applier.method());
            assertEquals("skipped", applier.apply().result());
        }
    }

    @Test
    void whenAmiReloadFails_thenTheApplyIsAFailure() throws Exception {
        try (FakeAmiServer server = FakeAmiServer.start();
                AmiClient ami = new AmiClient(settings(server.host(), server.port()), Map.of())) {
            server.fail("Reload", "Permission denied");
            ami.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!ami.isConnected() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Applier.Outcome outcome = ApplyChangesComponent.applier(" ", ami, Duration.ofSeconds(5)).apply();
            assertEquals("failure", outcome.result());
            assertEquals("AMI Reload: Permission denied", outcome.error());
        }
    }
}
