package org.dialplane.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;

class SpiFlyScopeTest {
    private static final Bundle SPI_FLY = bundle(SpiFlyScope.SPI_FLY);
    private static final Bundle JETTY = bundle("org.apache.felix.http.jetty12");
    private static final Bundle SLF4J = bundle("slf4j.api");
    private static final Bundle SCR = bundle("org.apache.felix.scr");

    /** A bundle that answers its symbolic name and nothing else. */
    private static Bundle bundle(String symbolicName) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName", "toString" -> symbolicName;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static BundleContext contextOf(Bundle bundle) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> bundle;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static SpiFlyScope scope() throws ReflectiveOperationException {
        var constructor = SpiFlyScope.class.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }

    @Test
    void whenSpiFlyListsBundles_thenJettyIsHiddenAndTheConsumersThatNeedItAreNot() throws Exception {
        List<Bundle> bundles = new ArrayList<>(List.of(SLF4J, JETTY, SCR));
        scope().find(contextOf(SPI_FLY), bundles);
        assertEquals(List.of(SLF4J, SCR), bundles);
    }

    @Test
    void whenAnotherBundleListsBundles_thenNothingIsHidden() throws Exception {
        List<Bundle> bundles = new ArrayList<>(List.of(SLF4J, JETTY, SCR));
        scope().find(contextOf(SCR), bundles);
        assertEquals(List.of(SLF4J, JETTY, SCR), bundles);
    }

    @Test
    void whenJettyChangesState_thenOnlySpiFlyIsNotTold() throws Exception {
        BundleContext spiFly = contextOf(SPI_FLY);
        BundleContext scr = contextOf(SCR);
        List<BundleContext> listeners = new ArrayList<>(List.of(spiFly, scr));
        scope().event(new BundleEvent(BundleEvent.RESOLVED, JETTY), listeners);
        assertEquals(List.of(scr), listeners);

        List<BundleContext> forSlf4j = new ArrayList<>(List.of(spiFly, scr));
        scope().event(new BundleEvent(BundleEvent.RESOLVED, SLF4J), forSlf4j);
        assertEquals(List.of(spiFly, scr), forSlf4j);
    }
}
