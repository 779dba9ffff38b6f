package org.dialplane.core.internal.http;

import java.io.IOException;
import java.util.Map;
import java.util.WeakHashMap;

import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.servlet.whiteboard.Preprocessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * Makes {@link ProblemErrorHandler} the error handler of the Jetty server that serves us, so that the requests
 * Jetty rejects before any servlet runs (an ambiguous path, a bad Host, a header too large, ...) answer
 * problem+json like every other error. {@link FallbackServlet} cannot: those requests never reach the servlet
 * layer, Jetty answers them from its {@code Server}'s error handler.
 * <p>
 * Why a preprocessor: org.apache.felix.http.jetty12 1.1.8 builds the {@code Server} privately in its JettyService
 * and offers no error-handler setting or service (its only error-page option adds headers to Jetty's HTML page). The
 * one service it hands the {@code Server} to, {@code ConnectorFactory}, must return a connector that Felix then
 * lists among the HTTP endpoints (and fails on if it is not a {@code ServerConnector}). The public way to the
 * {@code Server} left is a request that reached the servlet layer, so the first one served after Jetty (re)starts
 * installs the handler: in the product that is the launcher's own readiness probe, before "ready" is printed.
 * Only a malformed request arriving before it still gets Jetty's page. The check on later requests is one
 * field read. Jetty's URI compliance is left as it is: this changes how rejections are written, not what is rejected.
 */
@Component(service = Preprocessor.class)
public class JettyErrorHandlerInstaller implements Preprocessor {
    private static final Logger LOG = LoggerFactory.getLogger(JettyErrorHandlerInstaller.class);

    private final ProblemErrorHandler handler = new ProblemErrorHandler();
    /** The handler each server had before ours, restored when core stops; weak, as Felix replaces its server. */
    private final Map<Server, Request.Handler> replaced = new WeakHashMap<>();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Server server = serverOf(request);
        if (server != null && server.getErrorHandler() != handler) {
            install(server);
        }
        chain.doFilter(request, response);
    }

    /** The Jetty server of a request, or {@code null} (never failing the request) if it is not Jetty's. */
    private static Server serverOf(ServletRequest request) {
        try {
            return ServletContextRequest.getServletContextRequest(request).getServletContextHandler().getServer();
        } catch (IllegalStateException notJetty) {
            LOG.debug("No Jetty server behind {}", request, notJetty);
            return null;
        }
    }

    private synchronized void install(Server server) {
        Request.Handler current = server.getErrorHandler();
        if (current != handler) {
            replaced.put(server, current);
            server.setErrorHandler(handler);
            LOG.debug("Jetty errors answer problem+json (replaced {})", current);
        }
    }

    @Deactivate
    synchronized void restore() {
        replaced.forEach((server, previous) -> {
            if (server.getErrorHandler() == handler) {
                server.setErrorHandler(previous);
            }
        });
        replaced.clear();
    }
}
