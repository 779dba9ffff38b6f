package org.dialplane.core.internal.http;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gives the Jakarta-RS whiteboard the configuration it requires before it serves anything (its runtime
 * component has configuration-policy=require): one whiteboard, named {@value #WHITEBOARD_NAME}, whose default
 * application is served under {@value #BASE_PATH}. Core owns this so that the launcher and the integration
 * tests get the same runtime without repeating it.
 * <p>
 * Not delayed until the database is up (tried: the whiteboard would build the Jersey application once instead of
 * twice, but its first build, which loads Jersey, then no longer overlaps the database's start; 0.3 s slower).
 * The launcher deletes the configuration before it stops the framework, so that a kept bundle cache starts the
 * whiteboard after core, as a clean one does.
 */
@Component(immediate = true)
public class RestRuntimeConfiguration {
    public static final String WHITEBOARD_FACTORY_PID = "JakartarsServletWhiteboardRuntimeComponent";
    public static final String WHITEBOARD_NAME = "dialplane";
    public static final String BASE_PATH = "/pbxapi";

    @Activate
    public RestRuntimeConfiguration(@Reference ConfigurationAdmin configAdmin) throws IOException {
        Configuration config = configAdmin.getFactoryConfiguration(WHITEBOARD_FACTORY_PID, WHITEBOARD_NAME, "?");
        Dictionary<String, Object> wanted = new Hashtable<>();
        wanted.put("jersey.jakartars.whiteboard.name", WHITEBOARD_NAME);
        wanted.put("jersey.context.path", BASE_PATH);
        // updateIfDifferent keeps a restart of core from restarting the whole REST runtime.
        config.updateIfDifferent(wanted);
    }
}
