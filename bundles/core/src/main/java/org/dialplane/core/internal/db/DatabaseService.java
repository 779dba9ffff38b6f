package org.dialplane.core.internal.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.dialplane.core.db.Database;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to the two databases, creates the IssabelPBX tables they lack, applies Dialplane's migrations, and
 * only then registers the {@link Database} service, so that what references it starts when it can work.
 * An unreachable database is retried in the background with a growing delay; the state shows in health.
 */
@Component(service = DatabaseStatus.class, immediate = true)
public class DatabaseService implements DatabaseStatus {
    private static final int ER_BAD_DB_ERROR = 1049; // Unknown database
    private static final long FIRST_RETRY_MILLIS = 500;
    // Short: on a first start the embedded server installs itself for seconds, and the API waits for this retry;
    // a refused connection costs nothing (each distinct problem is logged once).
    private static final long MAX_RETRY_MILLIS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseService.class);

    private final BundleContext context;
    private final DatabaseSettings settings;
    private final Thread starter;
    private volatile String state = "starting";
    private volatile int schemaVersion;
    private boolean stopped; // guarded by this
    private PooledDatabase database; // guarded by this
    private ServiceRegistration<Database> registration; // guarded by this
    private volatile PoolValidation validation;

    @Activate
    public DatabaseService(BundleContext context) {
        this.context = context;
        DatabaseSettings configured = null;
        try {
            configured = DatabaseSettings.from(context::getProperty);
        } catch (IllegalArgumentException e) {
            state = "not_configured";
            LOG.warn("No database: {}", e.getMessage());
        }
        settings = configured;
        starter = new Thread(this::connectUntilReady, "dialplane-database-start");
        starter.setDaemon(true);
        if (settings != null) {
            starter.start();
        }
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("state", state());
        if ("up".equals(state)) {
            description.put("schema_version", schemaVersion);
        }
        return description;
    }

    @Override
    public boolean usable() {
        PoolValidation current = validation;
        return "up".equals(state) && current != null && current.lastResult();
    }

    @Override
    public String state() {
        return "up".equals(state) && !usable() ? "unreachable" : state;
    }

    private void connectUntilReady() {
        long delay = FIRST_RETRY_MILLIS;
        String lastProblem = null;
        while (!isStopped()) {
            try {
                connect();
                return;
            } catch (SQLException | RuntimeException e) {
                state = "unavailable";
                String problem = String.valueOf(e.getMessage());
                if (!problem.equals(lastProblem)) { // once per distinct problem, not at every retry
                    LOG.warn("Database not ready, retrying in the background: {}", problem);
                    lastProblem = problem;
                }
            }
            synchronized (this) {
                try {
                    if (!stopped) {
                        wait(delay);
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
            delay = Math.min(delay * 2, MAX_RETRY_MILLIS);
        }
    }

    private void connect() throws SQLException {
        long start = System.nanoTime();
        int version;
        try (Connection pbx = connectCreatingIfMissing(settings.pbxUrl());
                Connection cdr = connectCreatingIfMissing(settings.cdrUrl())) {
            version = MigrationRunner.underLock(pbx, () -> {
                IssabelSchema.createMissing(pbx, resource("db/issabel/asterisk.sql"));
                IssabelSchema.createMissing(cdr, resource("db/issabel/asteriskcdrdb.sql"));
                return MigrationRunner.migrate(pbx, Migration.shippedIn(context.getBundle()));
            });
        }
        PooledDatabase pools = new PooledDatabase(settings);
        synchronized (this) {
            if (stopped) {
                pools.close();
                return;
            }
            database = pools;
            schemaVersion = version;
            // Registered before the state says "up": DS activates what references Database while the service
            // is registered, so when readiness sees "up", every resource that needs the database is registered.
            registration = context.registerService(Database.class, pools, null);
            validation = new PoolValidation(pools.pbx());
            state = "up";
        }
        LOG.info("Database ready in {} ms (schema version {})", (System.nanoTime() - start) / 1_000_000, version);
    }

    /**
     * A connection to the URL's database, created first when the server says it does not exist (a new install, an
     * empty server). The connection is the one the schema checks use: no separate probe (each connection costs a
     * handshake on the start's critical path).
     */
    private Connection connectCreatingIfMissing(String url) throws SQLException {
        try {
            return PooledDatabase.direct(url, settings).getConnection();
        } catch (SQLException e) {
            if (!isUnknownDatabase(e)) {
                throw e;
            }
        }
        String name = DatabaseSettings.database(url); // letters, digits and _ only: safe to quote
        try (Connection server = PooledDatabase.direct(DatabaseSettings.serverUrl(url), settings).getConnection();
                Statement s = server.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4");
            LOG.info("Created database {}", name);
        }
        return PooledDatabase.direct(url, settings).getConnection();
    }

    private static boolean isUnknownDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == ER_BAD_DB_ERROR) {
                return true;
            }
        }
        return false;
    }

    private String resource(String path) {
        return read(Objects.requireNonNull(context.getBundle().getEntry(path), path + " is missing from the bundle"));
    }

    private static String read(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + url, e);
        }
    }

    private synchronized boolean isStopped() {
        return stopped;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        synchronized (this) {
            stopped = true;
            notifyAll();
        }
        starter.interrupt();
        starter.join(5_000);
        synchronized (this) {
            if (registration != null) {
                registration.unregister();
                registration = null;
            }
            if (validation != null) {
                validation.close();
            }
            if (database != null) {
                database.close();
                database = null;
            }
        }
    }
}
