package org.dialplane.core.internal.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.PbxResource;
import org.dialplane.core.auth.Public;
import org.dialplane.core.internal.auth.RequestAuthenticator;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Doc;
import org.glassfish.jersey.server.ContainerRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /pbxapi/system/metrics}: every meter in Prometheus's text format, for global callers (the admin user,
 * a global API key: Prometheus sends either as {@code Authorization: Bearer}) or for the scrape token configured in
 * {@value #PID} ({@code etc/org.dialplane.metrics.cfg}, {@code scrape.token = ...}), which needs no database.
 */
@Component(service = MetricsResource.class, configurationPid = MetricsResource.PID)
@PbxResource(name = "dialplane.system.metrics")
@Path("system/metrics")
public class MetricsResource {
    static final String PID = "org.dialplane.metrics";
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(MetricsResource.class);
    private static final String BEARER = "Bearer ";
    private static final int MIN_TOKEN_LENGTH = 16;

    @interface Config {
        /** A secret Prometheus sends as {@code Authorization: Bearer}; empty: only global callers may scrape. */
        String scrape_token() default "";
    }

    private final PrometheusMetrics metrics;
    private volatile byte[] scrapeToken;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RequestAuthenticator authenticator;

    @Activate
    public MetricsResource(@Reference PrometheusMetrics metrics, Config config) {
        this.metrics = metrics;
        modified(config);
    }

    @Modified
    void modified(Config config) {
        String token = config.scrape_token() == null ? "" : config.scrape_token().trim();
        if (!token.isEmpty() && token.length() < MIN_TOKEN_LENGTH) {
            LOG.warn("{} scrape.token is shorter than {} characters and is ignored", PID, MIN_TOKEN_LENGTH);
            token = "";
        }
        scrapeToken = token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @GET
    @Public // checked here: the scrape token is not a credential the authentication filter knows
    @Produces(PROMETHEUS_TEXT)
    @Doc("Every meter in Prometheus's text format: requests by route, database pools, AMI, apply changes, JVM. "
            + "Global callers, or the configured scrape token as Authorization: Bearer.")
    public Response scrape(@Context ContainerRequest request) {
        if (!hasScrapeToken(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            requireGlobalCaller(request);
        }
        return Response.ok(metrics.scrape(), PROMETHEUS_TEXT).header("Cache-Control", "no-store").build();
    }

    /** Compared in constant time: how long it takes says nothing of how much of the token was right. */
    private boolean hasScrapeToken(String authorization) {
        byte[] expected = scrapeToken;
        if (expected == null || authorization == null
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] offered = authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, offered);
    }

    private void requireGlobalCaller(ContainerRequest request) {
        RequestAuthenticator current = authenticator;
        if (current == null) {
            throw ApiException.unavailable("Authentication is not available yet; the database may be starting", 5);
        }
        try {
            Caller caller = (Caller) current.authenticate(request).getUserPrincipal();
            request.setProperty(org.dialplane.core.internal.observe.RequestIds.CALLER_ATTRIBUTE, caller.name());
            caller.requireGlobal();
        } catch (SQLException e) {
            throw ApiException.unavailable("Credentials cannot be checked right now; the database is not available", 5);
        }
    }
}
