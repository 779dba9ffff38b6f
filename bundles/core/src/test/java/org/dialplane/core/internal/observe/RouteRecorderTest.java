package org.dialplane.core.internal.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.glassfish.jersey.uri.UriTemplate;
import org.junit.jupiter.api.Test;

class RouteRecorderTest {

    @Test
    void whenMethodAndResourceTemplatesMatched_thenRouteIsTheTemplateUnderTheBasePath() {
        assertEquals("/pbxapi/extensions/{ids}",
                RouteRecorder.route(List.of(new UriTemplate("/{ids}"), new UriTemplate("/extensions"))));
        assertEquals("/pbxapi/extensions",
                RouteRecorder.route(List.of(new UriTemplate("/extensions"))));
    }

    @Test
    void whenResourceIsAtTheRoot_thenOnlyTheMethodsPart() {
        assertEquals("/pbxapi/openapi.json",
                RouteRecorder.route(List.of(new UriTemplate("openapi.json"), UriTemplate.EMPTY)));
        assertEquals("/pbxapi/docs/{file}",
                RouteRecorder.route(List.of(new UriTemplate("/docs/{file}"), new UriTemplate("/"))));
    }
}
