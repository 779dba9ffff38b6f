package org.dialplane.bench.baseline;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The body of Dialplane's GET /pbxapi/system/health, built from memory as SystemResource does. */
final class HealthServlet extends HttpServlet {
    private final boolean database;

    HealthServlet(boolean database) {
        this.database = database;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "up");
        health.put("version", "0.1.0.baseline");
        health.put("uptime_seconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        if (database) { // the product reports its database once it has one; without one, neither does this
            health.put("database", Map.of("state", "up"));
        }
        Json.write(response, 200, health);
    }
}
