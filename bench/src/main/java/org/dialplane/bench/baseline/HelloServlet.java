package org.dialplane.bench.baseline;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The example vendor bundle's GET /pbxapi/vendor/hello (com.example.dialplane.hello.HelloResource). */
final class HelloServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        String who = name == null || name.isBlank() ? "world" : name.strip();
        Json.write(response, 200, Map.of("message", "Hello, " + who + "!", "vendor", "example"));
    }
}
