package org.dialplane.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Logging of the container: Dialplane at INFO, the libraries (Jetty, Jersey, the whiteboard) at WARN, so the log
 * says what Dialplane does rather than how Jetty starts. The bundles log through logback, configured by
 * etc/logback.xml; Jersey through java.util.logging, whose levels are set here. Public so the integration tests
 * log alike.
 */
public final class Logging {
    /** The logging configuration's name in etc/ (logback's format; see the file for what it does). */
    public static final String CONFIG_FILE = "logback.xml";
    /** The formats of the server's log lines ({@link Setting#LOG_FORMAT}). */
    public static final List<String> FORMATS = List.of("plain", "json");

    /** The start level of the first bundles that log through slf4j (HTTP: Jetty); see {@link #initializeAhead}. */
    static final int FIRST_LOGGING_LEVEL = 10;
    private static final long INITIALIZATION_WAIT_MILLIS = 10_000;
    /** Held here because java.util.logging keeps its loggers only weakly; a collected logger loses its level. */
    private static final Logger JERSEY_PROVIDERS = Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");
    private static final Logger JERSEY_WADL = Logger.getLogger("org.glassfish.jersey.server.wadl.WadlFeature");
    private static final Logger WHITEBOARD_TRACKER = Logger.getLogger("runtime.check");

    private Logging() {
    }

    /**
     * System properties read by logback, the logging provider inside the container, when the first bundle logs:
     * its configuration file, and the folder and format that file uses.
     */
    public static Map<String, String> systemProperties(Path configFile, Path logDirectory, String format) {
        return Map.of(
                "logback.configurationFile", configFile.toString(),
                "dialplane.log.dir", logDirectory.toString(),
                "dialplane.log.format", format);
    }

    /** The home's etc/logback.xml, else the installation's (a home made before the file was part of it). */
    static Path configFile(Path install, Path home) {
        Path own = home.resolve("etc").resolve(CONFIG_FILE);
        return Files.isRegularFile(own) ? own : install.resolve("etc").resolve(CONFIG_FILE);
    }

    /**
     * Has logback read its configuration on a thread of its own while the framework starts Declarative Services,
     * Configuration Admin and FileInstall (levels after 1, before {@link #FIRST_LOGGING_LEVEL}), which log nothing
     * through slf4j. Otherwise the first bundle that logs (Jetty) pays for it on the framework's one start thread:
     * about 550 classes and 170 generated lambda classes (logback's XML configurator and its pattern layout's
     * converters), 0.2 s measured on a loaded 2-core machine. It starts once level 1 (slf4j, logback, SPI Fly) is
     * active, as slf4j must not look for its provider before logback's is registered; the start thread waits for it
     * before the first bundle of {@link #FIRST_LOGGING_LEVEL}, as a logger taken during the initialization would
     * have slf4j queue its lines and warn on the console when it replays them.
     */
    static void initializeAhead(BundleContext context) {
        Thread[] initializer = new Thread[1];
        context.addBundleListener(new SynchronousBundleListener() {
            @Override
            public void bundleChanged(BundleEvent event) {
                if (event.getType() != BundleEvent.STARTING || event.getBundle().getBundleId() == 0) {
                    return;
                }
                int level = event.getBundle().adapt(BundleStartLevel.class).getStartLevel();
                if (level > 1 && initializer[0] == null) {
                    initializer[0] = new Thread(() -> initialize(context), "dialplane-logging-init");
                    initializer[0].setDaemon(true);
                    initializer[0].start();
                }
                if (level >= FIRST_LOGGING_LEVEL) {
                    context.removeBundleListener(this);
                    try {
                        if (initializer[0] != null) {
                            initializer[0].join(INITIALIZATION_WAIT_MILLIS);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
    }

    private static void initialize(BundleContext context) {
        for (Bundle bundle : context.getBundles()) {
            if ("slf4j.api".equals(bundle.getSymbolicName()) && bundle.getState() == Bundle.ACTIVE) {
                try {
                    bundle.loadClass("org.slf4j.LoggerFactory").getMethod("getILoggerFactory").invoke(null);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // only the start's speed depends on it: the first bundle that logs initializes logback then
                }
            }
        }
    }

    /**
     * While the container stops, bundles leave in an order that makes the whiteboard complain about every
     * Jersey bundle and extension going away; none of it is news at shutdown.
     */
    public static void quietForShutdown() {
        Logger.getLogger("").setLevel(Level.OFF);
    }

    /** Applies the levels to this JVM: logback's properties and java.util.logging (Jersey logs there). */
    static void configure(Path install, Path home, String format) {
        systemProperties(configFile(install, home), home.resolve("log"), format).forEach(System::setProperty);
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        Arrays.stream(root.getHandlers()).forEach(h -> h.setLevel(Level.WARNING));
        // Jersey warns about its own servlet providers at every application start; nothing to act on.
        JERSEY_PROVIDERS.setLevel(Level.SEVERE);
        JERSEY_WADL.setLevel(Level.SEVERE);
        // The whiteboard warns about every Jersey bundle that stops, which is every bundle at shutdown.
        WHITEBOARD_TRACKER.setLevel(Level.SEVERE);
    }
}
