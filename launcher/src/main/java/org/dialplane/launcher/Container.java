package org.dialplane.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/** The OSGi framework of one run: configured, provisioned from the features, started and stopped. */
public final class Container {
    /** Bundles dropped in deploy/ start at this level, after every bundle of the default installation. */
    public static final int DEPLOY_START_LEVEL = 80;
    public static final int ACTIVE_START_LEVEL = 100;
    /** Jetty's idle timeout on the HTTP connections, in milliseconds (see {@link #felixHttpProperties()}). */
    public static final int IDLE_TIMEOUT_MILLIS = 30_000;
    /** The factory PID of the Jakarta-RS whiteboard's runtime, whose configuration core creates at start. */
    private static final String WHITEBOARD_FACTORY_PID = "JakartarsServletWhiteboardRuntimeComponent";
    /** The public HTTP port and address, read by core, which opens them once its readiness gate is in place. */
    public static final String HTTP_PORT_PROPERTY = "dialplane.http.port";
    public static final String HTTP_HOST_PROPERTY = "dialplane.http.host";
    /** Read by core's readiness: the locations of the bundles installed from the features (comma-separated). */
    public static final String BUNDLES_PROPERTY = "dialplane.bundles";
    private static final String FILEINSTALL_TMPDIR = "felix.fileinstall.tmpdir";

    private final Framework framework;
    private final BundleCache cache;
    private final boolean cacheReused;

    Container(Path home, Settings settings, Path repository, List<FeatureFile.BundleRef> bundles) throws IOException {
        Map<String, String> properties = new HashMap<>(settings.frameworkProperties());
        properties.putAll(homeProperties(home));
        properties.putAll(felixHttpProperties());
        properties.put(BUNDLES_PROPERTY, String.join(",", bundles.stream().map(FeatureFile.BundleRef::url).toList()));
        Path storage = home.resolve("data/cache");
        properties.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        // Kept while the installation is unchanged, else emptied: see BundleCache.
        cache = new BundleCache(storage, repository, bundles);
        cacheReused = cache.reusable();
        properties.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, Integer.toString(ACTIVE_START_LEVEL));
        properties.put("felix.log.level", "1");
        properties.putAll(declarativeServicesProperties());
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("No OSGi framework on the class path"));
        framework = factory.newFramework(properties);
    }

    /**
     * The framework properties that tie a container to its home directory: hot deploy from deploy/, FileInstall's
     * scratch folder in data/. Public so that the integration tests run their containers exactly like the product.
     */
    public static Map<String, String> homeProperties(Path home) {
        Map<String, String> properties = new HashMap<>();
        properties.put("dialplane.home", home.toString());
        properties.put("felix.fileinstall.dir", home.resolve("deploy").toString());
        properties.put("felix.fileinstall.poll", "250");
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.put("felix.fileinstall.start.level", Integer.toString(DEPLOY_START_LEVEL));
        properties.put("felix.fileinstall.bundles.new.start", "true");
        properties.put("felix.fileinstall.log.level", "2");
        properties.put("felix.fileinstall.enableConfigSave", "false");
        properties.put(FILEINSTALL_TMPDIR, fileInstallScratch(home));
        return properties;
    }

    /**
     * FileInstall's scratch folder (a directory dropped in deploy/ is packed into a jar there), in the home. Left to
     * itself FileInstall makes a new {@code fileinstall-<random>} folder in java.io.tmpdir for each watched folder at
     * every start, deleted only on a JVM exit that runs exit hooks; the launcher halts after its own orderly stop
     * (see Main), so two folders were left in /tmp by every start.
     */
    private static String fileInstallScratch(Path home) {
        return home.resolve("data/fileinstall").toString();
    }

    /**
     * How Declarative Services runs here; public so that the integration tests run alike.
     * <ul>
     * <li>{@code ds.cache.metadata}: it keeps the components it read from each bundle's XML in its data area,
     * checked against the bundle's modification time, and reads them from there at the next start.</li>
     * <li>{@code ds.delayed.keepInstances}: a delayed component, once created, stays until its bundle or a required
     * service goes, instead of being deactivated whenever nobody holds it. At every start the OpenAPI document
     * created each resource to read its operations and let it go, and the REST whiteboard then created it again.</li>
     * </ul>
     * Both together: 0.4-0.6 s less CPU per used-home start (bench/start-ab.sh, 7 alternated starts each).
     */
    public static Map<String, String> declarativeServicesProperties() {
        return Map.of("ds.cache.metadata", "true", "ds.delayed.keepInstances", "true");
    }

    /**
     * Felix's own HTTP listener: loopback only, on a port it picks. It serves before Felix's whiteboard exists
     * (Jetty's HTML 404 in that window), so the public port ({@link #HTTP_PORT_PROPERTY}) is opened by core's
     * readiness gate instead, once that gate sees every request. Public for the integration tests.
     */
    public static Map<String, String> felixHttpProperties() {
        return Map.of("org.osgi.service.http.port", "0", "org.apache.felix.http.host", "127.0.0.1",
                // Jetty closes a connection after this long without a byte either way (Felix's default is 60 s); the
                // public connector copies it. Long enough for a keep-alive client between requests, short enough
                // that a thousand idle connections are gone within the minute.
                "org.apache.felix.http.timeout", Integer.toString(IDLE_TIMEOUT_MILLIS));
    }

    /** Installs the bundles at their start levels, starts the framework and waits for the last level. */
    void start(Path repository, List<FeatureFile.BundleRef> bundles) throws BundleException, IOException,
            InterruptedException {
        framework.init();
        BundleContext context = framework.getBundleContext();
        SpiFlyScope.install(context);
        List<Bundle> installed = new ArrayList<>();
        for (FeatureFile.BundleRef ref : bundles) {
            if (cacheReused && context.getBundle(ref.url()) != null) {
                continue; // in the kept cache, with its start level and persistent start
            }
            Path jar = repository.resolve(ref.repositoryPath());
            if (!Files.isRegularFile(jar)) {
                throw new IOException("Bundle " + ref.url() + " is not in the distribution: " + jar);
            }
            try (InputStream in = StoredJar.open(jar)) {
                Bundle bundle = context.installBundle(ref.url(), in);
                bundle.adapt(BundleStartLevel.class).setStartLevel(ref.startLevel());
                installed.add(bundle);
            }
        }
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start(Bundle.START_ACTIVATION_POLICY);
            }
        }
        Logging.initializeAhead(context);
        CountDownLatch levelReached = new CountDownLatch(1);
        context.addFrameworkListener(event -> {
            if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
                levelReached.countDown();
            }
        });
        framework.start();
        if (framework.adapt(FrameworkStartLevel.class).getStartLevel() < ACTIVE_START_LEVEL) {
            levelReached.await(60, TimeUnit.SECONDS);
        }
        if (problems().isEmpty()) {
            cache.remember();
        } else {
            cache.forget(); // rebuilt at the next start, in case the cache is what went wrong
        }
    }

    /** Whether this start found the bundle cache of an earlier one and kept it. */
    boolean cacheReused() {
        return cacheReused;
    }

    /** Installs the bundles that failed to start, for the start-up report. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && bundle.getState() != Bundle.ACTIVE) {
                problems.add(bundle.getSymbolicName() + " " + bundle.getVersion() + " is not active");
            }
        }
        return problems;
    }

    /**
     * Has FileInstall also watch {@code dir} for {@code .cfg} files, through a factory configuration of
     * FileInstall itself. Reflection, because the Configuration Admin API lives inside the framework, not on
     * the launcher's class path.
     */
    void watchConfigDirectory(Path dir) throws ReflectiveOperationException {
        BundleContext context = framework.getBundleContext();
        ServiceReference<?> ref = context.getServiceReference("org.osgi.service.cm.ConfigurationAdmin");
        if (ref == null) {
            throw new IllegalStateException("Configuration Admin is not running");
        }
        Object configAdmin = context.getService(ref);
        try {
            Bundle cm = ref.getBundle();
            Method get = cm.loadClass("org.osgi.service.cm.ConfigurationAdmin").getMethod("getFactoryConfiguration",
                    String.class, String.class, String.class);
            Object configuration = get.invoke(configAdmin, "org.apache.felix.fileinstall", "etc", "?");
            Dictionary<String, Object> watch = new Hashtable<>();
            watch.put("felix.fileinstall.dir", dir.toString());
            // dialplane.cfg holds the launcher's own settings, not a bundle's configuration.
            watch.put("felix.fileinstall.filter", "^(?!dialplane\\.cfg$).*\\.cfg$");
            watch.put("felix.fileinstall.poll", "1000");
            watch.put("felix.fileinstall.noInitialDelay", "true");
            watch.put("felix.fileinstall.enableConfigSave", "false");
            watch.put(FILEINSTALL_TMPDIR, context.getProperty(FILEINSTALL_TMPDIR));
            cm.loadClass("org.osgi.service.cm.Configuration").getMethod("updateIfDifferent", Dictionary.class)
                    .invoke(configuration, watch);
        } finally {
            context.ungetService(ref);
        }
    }

    /**
     * Stops the framework, first deleting the Jakarta-RS whiteboard's configuration (core creates it again at every
     * start). Kept in the bundle cache, which the next start reuses, it would start the whiteboard before core and
     * the resources, and the whiteboard would then rebuild the Jersey application for each batch of services that
     * arrives. Deleted here, while every bundle still runs, the whiteboard shuts down in order; deleted from inside
     * the framework once it is stopping, it raced the bundles' own shutdown.
     */
    void stop(long timeoutMillis) throws BundleException, InterruptedException {
        forgetWhiteboardConfiguration();
        framework.stop();
        framework.waitForStop(timeoutMillis);
    }

    private void forgetWhiteboardConfiguration() {
        BundleContext context = framework.getBundleContext();
        ServiceReference<?> ref = context.getServiceReference("org.osgi.service.cm.ConfigurationAdmin");
        if (ref == null) {
            return;
        }
        Object configAdmin = context.getService(ref);
        try {
            Bundle cm = ref.getBundle();
            Object[] configurations = (Object[]) cm.loadClass("org.osgi.service.cm.ConfigurationAdmin")
                    .getMethod("listConfigurations", String.class)
                    .invoke(configAdmin, "(service.factoryPid=" + WHITEBOARD_FACTORY_PID + ")");
            Method delete = cm.loadClass("org.osgi.service.cm.Configuration").getMethod("delete");
            for (Object configuration : configurations == null ? new Object[0] : configurations) {
                delete.invoke(configuration);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Only the next start's speed depends on it.
            System.err.println("dialplane: could not remove the REST whiteboard's configuration: " + e);
        } finally {
            context.ungetService(ref);
        }
    }

    void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }
}
