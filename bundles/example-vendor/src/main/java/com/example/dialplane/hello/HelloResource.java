package com.example.dialplane.hello;

import java.util.Map;

import org.dialplane.core.auth.Public;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * A vendor's endpoint. Registering a DS component with {@code @JakartarsResource} is all it takes: the
 * whiteboard serves it under /pbxapi while this bundle is active and drops it when the bundle stops.
 */
@Component(service = HelloResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("example.vendor.hello")
@Path("vendor/hello")
@Produces(MediaType.APPLICATION_JSON)
public class HelloResource {

    /** Public, so that the hot-deploy demo needs no credentials; core authenticates every other method. */
    @GET
    @Public
    public Map<String, String> hello(@QueryParam("name") String name) {
        String who = name == null || name.isBlank() ? "world" : name.strip();
        return Map.of("message", "Hello, " + who + "!", "vendor", "example");
    }
}
