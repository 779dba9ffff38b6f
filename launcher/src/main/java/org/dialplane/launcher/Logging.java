package org.dialplane.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

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
