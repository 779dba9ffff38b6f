package org.dialplane.core.internal.http;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;

import org.apache.felix.http.jetty.ConnectorFactory;
import org.dialplane.core.internal.observe.RequestIds;
import org.dialplane.core.internal.rest.Json;
import org.dialplane.core.rest.MediaTypes;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.Preprocessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Until the API is ready ({@link Readiness}), answers every request with 503 and Retry-After: health with its own
 * document ({@code "status": "starting"} and what it waits for), everything else with problem+json. Once ready it
 * passes every request on (one field read); later outages show in health, and a resource whose database is gone
 * answers its own 503.
 * <p>
 * The gate also opens the public port: Felix starts Jetty's connector before its whiteboard exists, so a request
 * in that window would get Jetty's HTML 404. The launcher has Felix listen on loopback only, on a port of its
 * choosing; this preprocessor, once the whiteboard has initialised it (so it sees every request), registers the
 * {@link PublicConnector} that Felix then adds for the configured host and port. The first connection ever
 * accepted there is gated; until then, connections are refused. When Felix restarts Jetty (its configuration
 * changed) it destroys and re-initialises its preprocessors, and the connector follows.
 */
@Component(service = Preprocessor.class)
public class ReadinessGate implements Preprocessor {
    static final String RETRY_AFTER_SECONDS = "1";
    private static final Logger LOG = LoggerFactory.getLogger(ReadinessGate.class);
    private static final String HEALTH = RestRuntimeConfiguration.BASE_PATH + "/system/health";

    private final BundleContext context;
    private final Readiness readiness;
    private volatile boolean open;
    private ServiceRegistration<ConnectorFactory> connector; // guarded by this
    private ServiceRegistration<ConnectorFactory> httpsConnector; // guarded by this
    private volatile HttpsRedirect redirect;

    @Activate
    public ReadinessGate(BundleContext context, @Reference Readiness readiness) {
        this.context = context;
        this.readiness = readiness;
    }

    @Override
    public synchronized void init(FilterConfig config) {
        PublicConnector.Address address = PublicConnector.Address.from(context::getProperty);
        if (address == null) {
            LOG.warn("No {} set: the API is served only on Felix's own HTTP port", PublicConnector.PORT_PROPERTY);
            return;
        }
        connector = register(new PublicConnector(address), address);
        TlsSettings tls;
        try {
            tls = TlsSettings.from(context::getProperty);
            if (tls == null) {
                return;
            }
            PublicConnector.Address secure = new PublicConnector.Address(address.host(), tls.port());
            httpsConnector = register(new PublicConnector(secure, PublicConnector.tls(tls)), secure);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // Plain HTTP stays up (health, local tools); the operator sees why HTTPS did not open.
            LOG.error("HTTPS not opened: cannot use the configured certificate and key: {}", e.toString());
            return;
        }
        redirect = HttpsRedirect.from(context::getProperty, tls.port());
    }

    private ServiceRegistration<ConnectorFactory> register(ConnectorFactory factory, PublicConnector.Address address) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("dialplane.http.endpoint", address.toString());
        return context.registerService(ConnectorFactory.class, factory, properties);
    }

    @Override
    public synchronized void destroy() {
        redirect = null;
        for (ServiceRegistration<ConnectorFactory> registration : new ArrayList<>(
                Arrays.asList(connector, httpsConnector))) {
            if (registration == null) {
                continue;
            }
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // core is stopping: the framework unregistered it already
            }
        }
        connector = null;
        httpsConnector = null;
    }

    @Deactivate
    void deactivate() {
        PublicConnector.restoreErrorHandlers();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpsRedirect https = redirect;
        if (https != null && https.redirected((HttpServletRequest) request, (HttpServletResponse) response)) {
            return;
        }
        if (open || readiness.started()) {
            open = true;
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse answer = (HttpServletResponse) response;
        Readiness.State state = readiness.state();
        if (state.up()) { // became ready between the two calls
            chain.doFilter(request, response);
            return;
        }
        answer.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        answer.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        answer.setHeader("Cache-Control", "no-store");
        if (HEALTH.equals(http.getRequestURI()) && "GET".equals(http.getMethod())) {
            answer.setContentType("application/json");
            Json.MAPPER.writeValue(answer.getOutputStream(), readiness.health(state));
        } else {
            answer.setContentType(MediaTypes.PROBLEM_JSON);
            String detail = "Dialplane is starting; waiting for " + String.join(", ", state.problems());
            Json.MAPPER.writeValue(answer.getOutputStream(),
                    ProblemBody.of(ProblemMapper.problem(503, detail), request.getAttribute(RequestIds.ATTRIBUTE)));
        }
    }
}
