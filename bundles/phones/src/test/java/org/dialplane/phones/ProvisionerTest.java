package org.dialplane.phones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The work behind a refusal does not depend on why: an unknown MAC and a wrong secret both make one query by MAC
 * and read no lines. A fake repository counts what is asked of it.
 */
class ProvisionerTest {
    private static final String SECRET = "abcdefghijklmnopqrstuvwxyz012345";
    private static final PhoneRepository.Provisioned PHONE = new PhoneRepository.Provisioned(7, 1, "Desk",
            "00:15:65:12:34:56", "yealink-t4x-t5x", SECRET);

    /** Answers the one phone above, and counts the queries. */
    static final class CountingRepository extends PhoneRepository {
        final List<List<String>> byMacs = new ArrayList<>();
        int lines;

        CountingRepository() {
            super((org.dialplane.core.db.Jdbc) null);
        }

        @Override
        List<Provisioned> byMacs(List<String> macs) {
            byMacs.add(macs);
            return macs.contains(PHONE.mac()) ? List.of(PHONE) : List.of();
        }

        @Override
        List<Line> lines(Provisioned phone) {
            lines++;
            return List.of(new Line("2201", "Ann <Front>", "pw-2201"), new Line("2299", null, null));
        }
    }

    @Test
    void whenUnknownMacOrWrongSecret_thenTheSameWorkAndNoLinesRead() {
        CountingRepository repository = new CountingRepository();
        Provisioner provisioner = new Provisioner(models(), repository);
        Provisioner.Outcome unknown = provisioner.serve(SECRET, "001565123499.cfg", settings(true));
        Provisioner.Outcome wrong = provisioner.serve(SECRET.replace('a', 'b'), "001565123456.cfg", settings(true));
        assertFalse(unknown.served());
        assertFalse(wrong.served());
        assertEquals(List.of(List.of("00:15:65:12:34:99"), List.of("00:15:65:12:34:56")), repository.byMacs);
        assertEquals(0, repository.lines);
        assertEquals("unknown-mac-or-model", unknown.result());
        assertEquals("wrong-secret", wrong.result());
    }

    @Test
    void whenRightSecret_thenRenderedWithLinesAndServer() {
        CountingRepository repository = new CountingRepository();
        Provisioner.Outcome served = new Provisioner(models(), repository).serve(SECRET, "001565123456.cfg",
                settings(true));
        assertTrue(served.served());
        assertTrue(served.body().contains("account.1.password = pw-2201\n"), served.body());
        assertTrue(served.body().contains("account.1.display_name = Ann <Front>\n"), served.body());
        assertTrue(served.body().contains("account.2.enable = 0\naccount.2.label = \n"), "a line whose extension"
                + " is gone is disabled: " + served.body());
        assertTrue(served.body().contains("account.1.sip_server.1.address = sip.example.com\n"), served.body());
        assertTrue(served.body().contains("static.auto_provision.server.url = https://pbx.example.com/provisioning/"
                + SECRET + "/\n"), served.body());
    }

    @Test
    void whenDisabled_thenNothingIsLookedUp() {
        CountingRepository repository = new CountingRepository();
        Provisioner.Outcome off = new Provisioner(models(), repository).serve(SECRET, "001565123456.cfg",
                settings(false));
        assertEquals("disabled", off.result());
        assertEquals(List.of(), repository.byMacs);
    }

    private static PhoneModels models() {
        PhoneModels models = new PhoneModels();
        long serviceId = 1;
        for (var model : BuiltInModels.models()) {
            models.addModel(model, Map.of("service.id", serviceId++));
        }
        return models;
    }

    static ProvisioningSettings settings(boolean enabled) {
        return new ProvisioningSettings(new ProvisioningSettings.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ProvisioningSettings.Config.class;
            }

            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public String base_url() {
                return "https://pbx.example.com/";
            }

            @Override
            public String sip_host() {
                return "sip.example.com";
            }

            @Override
            public int sip_port() {
                return 5060;
            }

            @Override
            public int rate_limit_requests() {
                return 30;
            }

            @Override
            public int rate_limit_seconds() {
                return 60;
            }
        });
    }
}
