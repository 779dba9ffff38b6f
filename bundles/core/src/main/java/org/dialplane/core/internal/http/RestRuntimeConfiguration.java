package org.dialplane.core.internal.http;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.dialplane.core.db.Database;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the Jakarta-RS whiteboard the configuration it requires before it serves anything (its runtime
 * component has configuration-policy=require): one whiteboard, named {@value #WHITEBOARD_NAME}, whose default
 * application is served under {@value #BASE_PATH}. Core owns this so that the launcher and the integration
 * tests get the same runtime without repeating it.
 * <p>
 * At start, the configuration is given only once every bundle has started (the framework reached its beginning
 * start level) and the database is registered (the resources that need it are then registered too): the whiteboard
 * rebuilds the whole Jersey application for each batch of services that arrives, and given at core's activation it
 * built it four times during a used-home start (counted with Jersey's own log), each build on the start's two
 * cores. Nothing is lost meanwhile: until the API is ready the {@link ReadinessGate} answers every request itself.
 * If either condition is not met within {@value #WAIT_SECONDS} s (no database yet, a bundle slow to start) the
 * configuration is given anyway, so that the application is built and later services are added as before. When the
 * configuration already exists (core restarted in a running framework) it is kept at once. The launcher deletes
 * it before it stops the framework, so that every start waits again.
 */
@Component(immediate = true)
public class RestRuntimeConfiguration {
    public static final String WHITEBOARD_FACTORY_PID = "JakartarsServletWhiteboardRuntimeComponent";
    public static final String WHITEBOARD_NAME = "dialplane";
    public static final String BASE_PATH = "/pbxapi";
    static final long WAIT_SECONDS = 15;
    private static final Logger LOG = LoggerFactory.getLogger(RestRuntimeConfiguration.class);

    private final BundleContext context;
    private final Configuration config;
    private final FrameworkListener startLevelListener = this::frameworkEvent;
    private final ServiceListener databaseListener = this::databaseEvent;
    private final ScheduledExecutorService deadline = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "dialplane-rest-configuration");
        thread.setDaemon(true);
        return thread;
    });
    private boolean started; // guarded by this
    private boolean databaseRegistered; // guarded by this
    private boolean given; // guarded by this

    @Activate
    public RestRuntimeConfiguration(BundleContext context, @Reference ConfigurationAdmin configAdmin)
            throws IOException {
        this.context = context;
        this.config = configAdmin.getFactoryConfiguration(WHITEBOARD_FACTORY_PID, WHITEBOARD_NAME, "?");
        if (config.getProperties() != null) {
            give(); // core restarted: the whiteboard runs already
            return;
        }
        context.addFrameworkListener(startLevelListener);
        try {
            context.addServiceListener(databaseListener, "(" + Constants.OBJECTCLASS + "=" + Database.class.getName()
                    + ")");
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        synchronized (this) {
            started = frameworkStarted();
            databaseRegistered = context.getServiceReference(Database.class) != null;
        }
        deadline.schedule(this::giveAfterDeadline, WAIT_SECONDS, TimeUnit.SECONDS);
        giveWhenReady();
    }

    @Deactivate
    void deactivate() {
        deadline.shutdownNow();
        context.removeFrameworkListener(startLevelListener);
        context.removeServiceListener(databaseListener);
    }

    private boolean frameworkStarted() {
        String beginning = context.getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL);
        int wanted = beginning == null ? 1 : Integer.parseInt(beginning.trim());
        return context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkStartLevel.class)
                .getStartLevel() >= wanted;
    }

    /** STARTED when the framework's own start reached its beginning level; STARTLEVEL_CHANGED after a set. */
    private void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.STARTED || event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
            synchronized (this) {
                started = frameworkStarted();
            }
            giveWhenReady();
        }
    }

    private void databaseEvent(ServiceEvent event) {
        if (event.getType() == ServiceEvent.REGISTERED) {
            synchronized (this) {
                databaseRegistered = true;
            }
            giveWhenReady();
        }
    }

    private void giveWhenReady() {
        synchronized (this) {
            if (!started || !databaseRegistered) {
                return;
            }
        }
        give();
    }

    private void giveAfterDeadline() {
        synchronized (this) {
            if (!given) {
                LOG.info("Serving the REST application before {}: waited {} s",
                        started ? "the database is up" : "every bundle started", WAIT_SECONDS);
            }
        }
        give();
    }

    private void give() {
        synchronized (this) {
            if (given) {
                return;
            }
            given = true;
        }
        Dictionary<String, Object> wanted = new Hashtable<>();
        wanted.put("jersey.jakartars.whiteboard.name", WHITEBOARD_NAME);
        wanted.put("jersey.context.path", BASE_PATH);
        try {
            // updateIfDifferent keeps a restart of core from restarting the whole REST runtime.
            config.updateIfDifferent(wanted);
        } catch (IOException | IllegalStateException e) {
            LOG.error("Could not configure the REST whiteboard: the API will not be served", e);
        }
    }
}
