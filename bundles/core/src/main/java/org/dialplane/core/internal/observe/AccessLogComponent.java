package org.dialplane.core.internal.observe;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per request to {@code log/<file>} under the home directory, in the format the configuration
 * {@value #PID} names ({@code etc/org.dialplane.accesslog.cfg}: {@code format = combined} or {@code json},
 * {@code file}, {@code enabled}). A changed configuration re-opens the log.
 */
@Component(immediate = true, configurationPid = AccessLogComponent.PID)
public class AccessLogComponent implements Consumer<RequestRecord> {
    static final String PID = "org.dialplane.accesslog";
    private static final Logger LOG = LoggerFactory.getLogger(AccessLogComponent.class);

    @interface Config {
        /** {@code combined} (Apache's, with duration and request id appended) or {@code json} (JSON lines). */
        String format() default "combined";

        /** A file name inside {@code log/}. */
        String file() default "access.log";

        boolean enabled() default true;
    }

    private final AccessLogFormat format;
    private final AccessLogFile file;

    @Activate
    public AccessLogComponent(Config config, BundleContext context) throws IOException {
        String home = context.getProperty("dialplane.home");
        AccessLogFormat named = AccessLogFormat.named(config.format());
        if (named == null) {
            LOG.warn("Access log format '{}' is neither combined nor json; writing combined", config.format());
            named = AccessLogFormat.COMBINED;
        }
        this.format = named;
        Path target = config.enabled() && home != null ? logFile(Path.of(home), config.file()) : null;
        this.file = target == null ? null : new AccessLogFile(target, format);
        if (file != null) {
            JettyRequestLog.listen(this);
            LOG.debug("Access log: {} ({})", target, format);
        }
    }

    /** {@code log/<name>}; a name that is not a plain file name (a path, "..") falls back to access.log. */
    static Path logFile(Path home, String name) {
        Path log = home.resolve("log");
        String plain = name == null ? "" : name.trim();
        if (plain.isEmpty() || plain.contains("/") || plain.contains("\\") || plain.startsWith(".")) {
            LOG.warn("Access log file '{}' is not a plain file name; writing log/access.log", name);
            plain = "access.log";
        }
        return log.resolve(plain);
    }

    @Override
    public void accept(RequestRecord record) {
        file.append(record);
    }

    @Deactivate
    void deactivate() {
        if (file != null) {
            JettyRequestLog.unlisten(this);
            file.close();
        }
    }
}
