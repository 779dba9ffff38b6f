package org.dialplane.bench.baseline;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

import jakarta.servlet.http.HttpServletResponse;

/** Writes bodies the way Dialplane's JAX-RS layer does: Jackson, application/json, problem+json for errors. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Row.class, new Row.Writer()));

    private Json() {
    }

    static void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        MAPPER.writeValue(response.getOutputStream(), body);
    }

    static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        MAPPER.writeValue(response.getOutputStream(), problem);
    }

    /** A JSON object body; an empty body is an empty object. */
    static Map<String, Object> object(byte[] body) throws IOException {
        return body.length == 0 ? Map.of() : MAPPER.readValue(body, new TypeReference<Map<String, Object>>() { });
    }
}
