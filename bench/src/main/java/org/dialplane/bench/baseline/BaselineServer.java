package org.dialplane.bench.baseline;

import java.util.Map;

import javax.sql.DataSource;

import org.dialplane.bench.Options;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The practical upper bound: the Jetty 12 that Dialplane embeds, plain servlets, the same JSON library, pool
 * and driver, and the same SQL, but no OSGi, no whiteboard, no JAX-RS. It serves the paths of the scenarios
 * with the same JSON. Listens on loopback only.
 */
public final class BaselineServer {
    private BaselineServer() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args, Map.of(
                "port", "8081",
                "db-url", System.getenv().getOrDefault("BASELINE_DB_URL", ""),
                "db-user", System.getenv().getOrDefault("BASELINE_DB_USER", ""),
                "db-password", System.getenv().getOrDefault("BASELINE_DB_PASSWORD", "")));
        DataSource database = options.get("db-url").isBlank() ? null
                : Pool.open(options.get("db-url"), options.get("db-user"), options.get("db-password"));

        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false); // as felix.http.jetty12 answers: no Server header
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(options.integer("port"));
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new HealthServlet(database != null)), "/pbxapi/system/health");
        context.addServlet(new ServletHolder(new HelloServlet()), "/pbxapi/vendor/hello");
        ExtensionsServlet extensions = new ExtensionsServlet(database);
        context.addServlet(new ServletHolder(extensions), "/pbxapi/extensions");
        context.addServlet(new ServletHolder(extensions), "/pbxapi/extensions/*");
        server.setHandler(context);
        server.setStopAtShutdown(true);
        server.start();
        System.out.printf("baseline ready on http://127.0.0.1:%d/pbxapi (database: %s)%n", connector.getLocalPort(),
                database == null ? "none" : "pooled");
        server.join();
    }
}
