package org.dialplane.core.internal.http;

import org.glassfish.jersey.jackson.JacksonFeature;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsMediaType;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

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

    static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.ALWAYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public boolean configure(FeatureContext context) {
        context.register(JacksonFeature.withoutExceptionMappers());
        // WADL needs a JAXB implementation the container does not have; OpenAPI documents the API instead.
        context.property("jersey.config.server.wadl.disableWadl", true);
        context.register((ContextResolver<ObjectMapper>) type -> MAPPER);
        return true;
    }
}
