package com.example.dialplane.hello;

import java.util.Map;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.PbxResource;
import org.dialplane.core.auth.Public;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * A vendor's endpoint. A DS component with {@code @PbxResource} is all it takes: the whiteboard serves it under
 * /pbxapi while this bundle is active and authentication is, and drops it when the bundle stops.
 */
@Component(service = HelloResource.class, scope = ServiceScope.PROTOTYPE)
@PbxResource(name = "example.vendor.hello")
@Path("vendor/hello")
@Produces(MediaType.APPLICATION_JSON)
public class HelloResource {

    /** Public, so that the hot-deploy demo needs no credentials. */
    @GET
    @Public
    public Map<String, String> hello(@QueryParam("name") String name) {
        String who = name == null || name.isBlank() ? "world" : name.strip();
        return Map.of("message", "Hello, " + who + "!", "vendor", "example");
    }

    /** Not public: core answers 401 without credentials, and this method only ever sees a caller. */
    @GET
    @Path("me")
    public Map<String, String> me(@Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return Map.of("message", "Hello, " + caller.name() + "!", "tenant", caller.tenantCode());
    }
}
