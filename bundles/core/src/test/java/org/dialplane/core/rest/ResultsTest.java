package org.dialplane.core.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.dialplane.core.internal.rest.Json;
import org.junit.jupiter.api.Test;

class ResultsTest {

    @Test
    void whenListWritten_thenNoTotal() throws Exception {
        assertEquals("{\"results\":[{\"a\":1}]}", Json.MAPPER.writeValueAsString(Results.of(List.of(Map.of("a", 1)))));
    }

    @Test
    void whenPageWritten_thenItHasTheTotal() throws Exception {
        assertEquals("{\"results\":[],\"total\":42}", Json.MAPPER.writeValueAsString(Results.page(List.of(), 42)));
    }

    @Test
    void whenOneItemWritten_thenAListOfOne() throws Exception {
        assertEquals("{\"results\":[{\"a\":null}]}",
                Json.MAPPER.writeValueAsString(Results.one(new java.util.HashMap<>(java.util.Collections
                        .singletonMap("a", null)))));
    }
}
