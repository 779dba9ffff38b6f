package org.dialplane.core.internal.asterisk;

import java.lang.reflect.Method;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.dialplane.core.asterisk.AsteriskPaths;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AsteriskPaths} from the configuration {@value #PID} ({@code etc/org.dialplane.asterisk.cfg}, applied
 * while running) and its defaults, each path overridden by the framework property the launcher sets when the
 * environment, a flag or {@code etc/dialplane.cfg} names it: the environment wins over files everywhere in
 * Dialplane, and a property set at start cannot be changed while running, so it is read once.
 */
@Component(service = AsteriskPaths.class, configurationPid = AsteriskPathsComponent.PID, immediate = true)
public class AsteriskPathsComponent implements AsteriskPaths {
    static final String PID = "org.dialplane.asterisk";
    /** The framework properties of the launcher's settings DIALPLANE_ASTERISK_SPOOL, _ETC, DIALPLANE_SOUNDS_DIR. */
    static final String SPOOL_PROPERTY = "dialplane.asterisk.spool";
    static final String ETC_PROPERTY = "dialplane.asterisk.etc";
    static final String SOUNDS_PROPERTY = "dialplane.sounds.dir";

    private static final Logger LOG = LoggerFactory.getLogger(AsteriskPathsComponent.class);

    /** The paths of a stock IssabelPBX; the one place these defaults are written down. */
    @interface Config {
        String spool() default "/var/spool/asterisk";

        String etc() default "/etc/asterisk";

        String sounds() default "/var/lib/asterisk/sounds";
    }

    private record Paths(Path spool, Path etc, Path sounds) {
    }

    private final UnaryOperator<String> framework;
    private volatile Paths paths;

    @Activate
    public AsteriskPathsComponent(Config config, BundleContext context) {
        this(config, context::getProperty);
    }

    AsteriskPathsComponent(Config config, UnaryOperator<String> frameworkProperties) {
        this.framework = frameworkProperties;
        this.paths = resolve(config);
        LOG.debug("Asterisk paths: {}", paths);
    }

    @Modified
    void modified(Config config) {
        Paths changed = resolve(config);
        if (!changed.equals(paths)) {
            LOG.info("Asterisk paths now spool {}, etc {}, sounds {}", changed.spool(), changed.etc(),
                    changed.sounds());
        }
        paths = changed;
    }

    private Paths resolve(Config config) {
        return new Paths(path(SPOOL_PROPERTY, config.spool(), "spool"), path(ETC_PROPERTY, config.etc(), "etc"),
                path(SOUNDS_PROPERTY, config.sounds(), "sounds"));
    }

    /** The framework property when set, else the configured value, else (blank or not a path) the default. */
    private Path path(String property, String configured, String key) {
        String override = framework.apply(property);
        if (override != null && !override.isBlank()) {
            return Path.of(override.trim());
        }
        if (configured != null && !configured.isBlank()) {
            try {
                return Path.of(configured.trim());
            } catch (InvalidPathException e) {
                LOG.warn("{} {} in {} is not a path; using the default", key, configured.trim(), PID);
            }
        }
        return Path.of(defaultOf(key));
    }

    private static String defaultOf(String key) {
        try {
            Method method = Config.class.getDeclaredMethod(key);
            return (String) method.getDefaultValue();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Path spool() {
        return paths.spool();
    }

    @Override
    public Path etc() {
        return paths.etc();
    }

    @Override
    public Path sounds() {
        return paths.sounds();
    }

    @Override
    public String toString() {
        return "AsteriskPaths" + paths;
    }
}
