package org.dialplane.core.internal.http;

import org.dialplane.core.internal.rest.Json;
import org.dialplane.core.internal.rest.JsonWriter;
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
 * JSON for every resource, through Jackson, with core's one mapper configuration ({@link Json#MAPPER}).
 * Jackson's own exception mappers are not asked for; Jersey's auto-discovery adds them anyway, and
 * {@link JsonProblemMappers} outrank them so that JSON errors are problem+json, not Jackson's plain text.
 * Answers are written by {@link JsonWriter} (the same mapper, the same bytes, less work per response); Jackson's
 * provider reads, and writes only what {@link JsonWriter} declines. It also carries two of Jersey's settings for the
 * whole application: no WADL and no resource model validation.
 */
@Component(service = Feature.class)
@JakartarsExtension
@JakartarsName("dialplane.json")
@JakartarsMediaType(MediaType.APPLICATION_JSON)
public class JsonFeature implements Feature {

    @Override
    public boolean configure(FeatureContext context) {
        context.register(JacksonFeature.withoutExceptionMappers());
        // WADL needs a JAXB implementation the container does not have; OpenAPI documents the API instead.
        context.property("jersey.config.server.wadl.disableWadl", true);
        // The whiteboard has Jersey ignore what its resource model validation finds
        // (RESOURCE_VALIDATION_IGNORE_ERRORS), so the validation only costs: 35 of 751 CPU samples of the
        // whiteboard's thread in a used-home start, at each of its Jersey builds, the last of which the first
        // request waits for.
        context.property("jersey.config.server.resource.validation.disable", true);
        context.register((ContextResolver<ObjectMapper>) type -> Json.MAPPER);
        context.register(new JsonWriter());
        return true;
    }
}
