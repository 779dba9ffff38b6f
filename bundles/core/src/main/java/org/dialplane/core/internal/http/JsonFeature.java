package org.dialplane.core.internal.http;

import org.dialplane.core.internal.rest.Json;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsMediaType;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * JSON for every resource, through Jackson. Jackson's own exception mappers are left out: malformed JSON is
 * answered by {@link ProblemMapper} as problem+json, not as Jackson's plain-text message.
 */
@Component(service = Feature.class)
@JakartarsExtension
@JakartarsName("dialplane.json")
@JakartarsMediaType(MediaType.APPLICATION_JSON)
public class JsonFeature implements Feature {

    @Override
    public boolean configure(FeatureContext context) {
        context.register(JacksonFeature.withoutExceptionMappers());
        context.register((ContextResolver<ObjectMapper>) type -> Json.MAPPER);
        return true;
    }
}
