package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The MiRTA facade is a bundle like a vendor's: removed at runtime, its paths answer 404 (core's fallback) while the
 * rest keeps working; dropped into deploy/, it serves again; deleted from deploy/, it is gone again. No restart.
 * It resolves without a provider of the resources' APIs (the calls bundle uninstalled): that provider's reqtypes
 * answer 503, the others work. And it fails closed: while core cannot check keys, every request is a 503.
 * <p>
 * In name order: the removal test leaves the facade removed.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class MirtaHotDeployIT extends DialplaneTestSupport {
    private static final String KEY_CHECK = "org.dialplane.core.internal.auth.keys.ApiKeyAuthentication";
    private static final String HELP = "/mirtapbx/proxyapi.php?reqtype=HELP";
    /** As HotDeployIT holds the example vendor bundle to it. */
    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    @Override
    protected Option options() {
        return composite(database("MirtaHotDeployIT"), Logins.adminPassword());
    }

    @Test
    public void whenCallsBundleUninstalledAndFacadeRefreshed_thenItsReqtypesAre503AndTheOthersWork() throws Exception {
        Bundle calls = bundle("org.dialplane.calls");
        String location = calls.getLocation();
        int startLevel = calls.adapt(BundleStartLevel.class).getStartLevel();
        calls.uninstall();
        refresh(bundle("org.dialplane.mirta"), calls);
        String help = HELP + "&key=dpk_0000000000000000_" + "A".repeat(43);
        await("the facade is back after its refresh", () -> http.get(help).status() == 401);
        // Resolved without org.dialplane.calls.api (an optional import) and serving: 503 for DIAL, not a 404.
        assertEquals("the facade is active", Bundle.ACTIVE, bundle("org.dialplane.mirta").getState());
        String key = Logins.apiKey(http, Logins.adminToken(http), "{\"name\":\"without-calls\"}");
        String base = "/mirtapbx/proxyapi.php?key=" + key;
        assertTrue(Mirta.error(http.get(base + "&reqtype=DIAL&source=402&dest=100"), 503).contains("calls"));
        Mirta.error(http.get(base + "&reqtype=COUNTCALLS"), 503);
        assertTrue(http.get(base + "&reqtype=MANAGEDB&object=tenant&action=list").body().contains("\"te_code\""));
        Http.Response helpText = http.get(base + "&reqtype=HELP");
        assertTrue(helpText.body(), helpText.body().contains("MANAGEDB ") && !helpText.body().contains("DIAL "));

        // Installed again: its package is wired when its service appears (a dynamic import), with no refresh of
        // the facade, and DIAL is served (AMI's 503 now: no PBX here, but not "not running").
        Bundle again = context.installBundle(location);
        again.adapt(BundleStartLevel.class).setStartLevel(startLevel);
        again.start();
        await("DIAL is served again", () -> http.get(base + "&reqtype=HELP").body().contains("DIAL "));
        assertFalse(Mirta.error(http.get(base + "&reqtype=COUNTCALLS"), 503).contains("calls bundle"));
        await("health is up again", () -> http.get("/pbxapi/system/health").status() == 200);
    }

    @Test
    public void whenCoresKeyCheckIsGone_thenEveryRequestIs503NeverServed() {
        String help = HELP + "&key=dpk_0000000000000000_" + "A".repeat(43);
        awaitStatus(401);
        setKeyCheckEnabled(false);
        try {
            await("the facade answers 503", PROMPTLY, () -> http.get(help).status() == 503);
            Http.Response refused = http.get(help);
            Mirta.error(refused, 503);
            assertTrue(refused.toString(), refused.header("Retry-After") != null);
        } finally {
            setKeyCheckEnabled(true);
        }
        await("the facade checks keys again", PROMPTLY, () -> http.get(help).status() == 401);
    }

    @Test
    public void whenFacadeRemovedThenDroppedInDeployThenDeleted_thenItsPathsComeAndGo() throws Exception {
        Bundle mirta = Arrays.stream(context.getBundles())
                .filter(bundle -> "org.dialplane.mirta".equals(bundle.getSymbolicName())).findFirst().orElseThrow();
        Path jar = Path.of(URI.create(mirta.getLocation()));
        // Served: without a key, MiRTA's own error (not the fallback's 404).
        awaitStatus(401);
        assertTrue(Mirta.error(http.get(HELP), 401).contains("key"));

        mirta.uninstall();
        awaitStatus(404);
        assertEquals(404, http.get("/pbx/proxyapi.php?reqtype=HELP").status());
        assertRestKeepsWorkingAndHealthNamesTheMissingBundle();

        Path deploy = Path.of(context.getProperty("felix.fileinstall.dir"));
        Path partial = deploy.resolve("mirta.jar.part");
        Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, deploy.resolve("mirta.jar"), StandardCopyOption.ATOMIC_MOVE);
        awaitStatus(401);
        Mirta.error(http.get("/pbx/proxyapi.php?reqtype=HELP"), 401);
        // The feature's bundle again, from another location: health is up again.
        await("health is up with the facade back", PROMPTLY, () -> http.get("/pbxapi/system/health").status() == 200);

        Files.delete(deploy.resolve("mirta.jar"));
        awaitStatus(404);

        assertRestKeepsWorkingAndHealthNamesTheMissingBundle();
    }

    /**
     * The facade is a bundle of the installed feature: health tells the truth about it (degraded, naming it) while
     * everything else answers.
     */
    private void assertRestKeepsWorkingAndHealthNamesTheMissingBundle() {
        // Health keeps its evaluation for a moment (200 ms): wait for it to see the change.
        await("health names the facade", PROMPTLY,
                () -> http.get("/pbxapi/system/health").body().contains("org.dialplane.mirta: not installed"));
        Http.Response health = http.get("/pbxapi/system/health");
        assertEquals(health.toString(), 503, health.status());
        assertEquals("degraded", health.json().get("status").asText());
        assertEquals(200, http.get("/pbxapi/openapi.json").status());
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(bundle -> symbolicName.equals(bundle.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
    }

    private void refresh(Bundle... bundles) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundles), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        assertTrue("the refresh finished", done.await(DEADLINE.toSeconds(), TimeUnit.SECONDS));
    }

    private void setKeyCheckEnabled(boolean enabled) {
        ServiceReference<ServiceComponentRuntime> reference = context.getServiceReference(ServiceComponentRuntime.class);
        ServiceComponentRuntime scr = context.getService(reference);
        try {
            Bundle core = Arrays.stream(context.getBundles())
                    .filter(bundle -> "org.dialplane.core".equals(bundle.getSymbolicName())).findFirst().orElseThrow();
            ComponentDescriptionDTO component = scr.getComponentDescriptionDTO(core, KEY_CHECK);
            (enabled ? scr.enableComponent(component) : scr.disableComponent(component)).getValue();
        } catch (InvocationTargetException | InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            context.ungetService(reference);
        }
    }

    private void awaitStatus(int status) {
        await(HELP + " answers " + status, PROMPTLY, () -> http.get(HELP).status() == status);
    }
}
