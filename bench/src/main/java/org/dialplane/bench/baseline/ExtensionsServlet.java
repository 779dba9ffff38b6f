package org.dialplane.bench.baseline;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.dialplane.bench.load.Cursors;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * GET /pbxapi/extensions/{n}, GET /pbxapi/extensions?limit&offset and POST /pbxapi/extensions as plain
 * servlet code over {@link ExtensionSql}. Without a database it answers 503, so the scenarios are skipped.
 */
final class ExtensionsServlet extends HttpServlet {
    private static final int MAX_LIMIT = 1000;

    private final DataSource database;
    /** The admin's tenant, which the product takes from the token: read once, not per request. */
    private volatile Long tenantId;

    ExtensionsServlet(DataSource database) {
        this.database = database;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (database == null) {
            noDatabase(response);
            return;
        }
        String id = id(request);
        try {
            if (id != null) {
                List<Map<String, Object>> rows;
                try (Connection connection = database.getConnection()) {
                    rows = ExtensionSql.one(connection, id);
                }
                if (rows.isEmpty()) {
                    Json.problem(response, 404, "Not Found", "No extension " + id);
                } else {
                    Json.write(response, 200, Map.of("results", rows));
                }
                return;
            }
            if (request.getParameter("limit") == null) {
                // As the product's unpaged list: every row, one query.
                try (Connection connection = database.getConnection()) {
                    Json.write(response, 200, Map.of("results", ExtensionSql.all(connection)));
                }
                return;
            }
            int limit = number(request.getParameter("limit"), 50);
            int offset = number(request.getParameter("offset"), 0);
            String after = request.getParameter("after");
            if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
                Json.problem(response, 400, "Bad Request", "limit must be 1.." + MAX_LIMIT + ", offset >= 0");
                return;
            }
            // As the product's Crud.list and ExtensionPages: the page from the index, then the total (a page by
            // offset only) on a connection of its own; a page by cursor answers its next cursor.
            Map<String, Object> body = new LinkedHashMap<>();
            List<Map<String, Object>> rows;
            try (Connection connection = database.getConnection()) {
                rows = ExtensionSql.indexPage(connection, limit, offset, after == null ? null : Cursors.key(after));
            }
            body.put("results", rows);
            if (after == null) {
                try (Connection connection = database.getConnection()) {
                    body.put("total", ExtensionSql.indexTotal(connection));
                }
            }
            if (rows.size() == limit) {
                body.put("next", request.getRequestURL() + "?limit=" + limit + "&after="
                        + Cursors.after((String) rows.get(rows.size() - 1).get("extension")));
            }
            Json.write(response, 200, body);
        } catch (SQLException e) {
            Json.problem(response, 503, "Service Unavailable", "database: " + e.getMessage());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (database == null) {
            noDatabase(response);
            return;
        }
        Map<String, Object> body;
        try {
            body = Json.object(request.getInputStream().readAllBytes());
        } catch (JsonProcessingException e) {
            Json.problem(response, 400, "Bad Request", "the body is not a JSON object");
            return;
        }
        String name = String.valueOf(body.getOrDefault("name", "Extension"));
        String voicemail = String.valueOf(body.getOrDefault("voicemail", "novm"));
        try (Connection connection = database.getConnection()) {
            if (tenantId == null) {
                tenantId = ExtensionSql.defaultTenant(connection);
            }
            String extension = ExtensionSql.create(connection, tenantId, name, voicemail);
            response.setStatus(201);
            response.setHeader("Location", request.getRequestURL() + "/" + extension);
        } catch (ExtensionSql.Refused e) {
            Json.problem(response, e.status, e.status == 409 ? "Conflict" : "Service Unavailable", e.getMessage());
        } catch (SQLException e) {
            Json.problem(response, 503, "Service Unavailable", "database: " + e.getMessage());
        }
    }

    private static String id(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null || path.length() <= 1 ? null : path.substring(1);
    }

    private static int number(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void noDatabase(HttpServletResponse response) throws IOException {
        Json.problem(response, 503, "Service Unavailable",
                "the baseline has no database: run.sh gives it the product's (see bench/README.md)");
    }
}
