package org.dialplane.launcher;

import java.util.Arrays;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Log levels of the container: Dialplane at INFO, the libraries (Jetty, Jersey, the whiteboard) at WARN, so
 * the log says what Dialplane does rather than how Jetty starts. Public so the integration tests log alike.
 */
public final class Logging {
    /** Held here because java.util.logging keeps its loggers only weakly; a collected logger loses its level. */
    private static final Logger JERSEY_PROVIDERS = Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");
    private static final Logger JERSEY_WADL = Logger.getLogger("org.glassfish.jersey.server.wadl.WadlFeature");
    private static final Logger WHITEBOARD_TRACKER = Logger.getLogger("runtime.check");

    private Logging() {
    }

    /** System properties read by slf4j-simple, the logging provider inside the container. */
    public static Map<String, String> systemProperties() {
        return Map.of(
                "org.slf4j.simpleLogger.defaultLogLevel", "warn",
                "org.slf4j.simpleLogger.log.org.dialplane", "info",
                "org.slf4j.simpleLogger.showDateTime", "true",
                "org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS",
                "org.slf4j.simpleLogger.showThreadName", "false",
                "org.slf4j.simpleLogger.levelInBrackets", "true");
    }

    /**
     * While the container stops, bundles leave in an order that makes the whiteboard complain about every
     * Jersey bundle and extension going away; none of it is news at shutdown.
     */
    public static void quietForShutdown() {
        Logger.getLogger("").setLevel(Level.OFF);
    }

    /** Applies the levels to this JVM: slf4j-simple's properties and java.util.logging (Jersey logs there). */
    public static void configure() {
        systemProperties().forEach(System::setProperty);
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
