package org.dialplane.core.internal.http;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.LoggerFactory;

/**
 * Gives the Jakarta-RS whiteboard the configuration it requires before it serves anything (its runtime
 * component has configuration-policy=require): one whiteboard, named {@value #WHITEBOARD_NAME}, whose default
 * application is served under {@value #BASE_PATH}. Core owns this so that the launcher and the integration
 * tests get the same runtime without repeating it.
 * <p>
 * Not delayed until the database is up (tried: the whiteboard would build the Jersey application once instead of
 * twice, but its first build, which loads Jersey, then no longer overlaps the database's start; 0.3 s slower).
 */
@Component(immediate = true)
public class RestRuntimeConfiguration {
    public static final String WHITEBOARD_FACTORY_PID = "JakartarsServletWhiteboardRuntimeComponent";
    public static final String WHITEBOARD_NAME = "dialplane";
    public static final String BASE_PATH = "/pbxapi";

    private final BundleContext context;
    private final Configuration config;

    @Activate
    public RestRuntimeConfiguration(BundleContext context, @Reference ConfigurationAdmin configAdmin)
            throws IOException {
        this.context = context;
        config = configAdmin.getFactoryConfiguration(WHITEBOARD_FACTORY_PID, WHITEBOARD_NAME, "?");
        Dictionary<String, Object> wanted = new Hashtable<>();
        wanted.put("jersey.jakartars.whiteboard.name", WHITEBOARD_NAME);
        wanted.put("jersey.context.path", BASE_PATH);
        // updateIfDifferent keeps a restart of core from restarting the whole REST runtime.
        config.updateIfDifferent(wanted);
    }

    /**
     * When the whole framework stops, the configuration goes too. The launcher keeps the framework's cache (and
     * with it Configuration Admin's store) between starts: a configuration kept there would start the whiteboard
     * before core and the resource bundles, and it would rebuild the Jersey application again for each batch of
     * services that arrives (about a second each on a small machine). Created here at the next start, it starts
     * the whiteboard once core is active, as on a clean cache. A restart of core alone keeps it.
     */
    @Deactivate
    void deactivate() {
        if (context.getBundle(0).getState() != Bundle.STOPPING) {
            return;
        }
        try {
            config.delete();
        } catch (IOException | IllegalStateException e) {
            LoggerFactory.getLogger(RestRuntimeConfiguration.class).debug("Whiteboard configuration kept", e);
        }
    }
}
