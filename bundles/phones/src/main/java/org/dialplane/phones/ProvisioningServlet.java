package org.dialplane.phones;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.dialplane.core.rest.MediaTypes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /provisioning/<secret>/<file>}: a phone's configuration file, for the phone itself, without
 * credentials but its URL's secret. A servlet of the HTTP whiteboard rather than a REST resource, because the
 * REST whiteboard serves everything under {@code /pbxapi}, and phones want a short fixed path; core's readiness
 * gate still applies, its authentication does not (phones have no API key).
 * <p>
 * Every refusal is the same 404, byte for byte (only {@code Date} differs), whatever the reason: off, unknown
 * MAC, wrong secret, model gone. Each request counts against its remote address's rate limit (429 with
 * Retry-After past it) and is logged on {@value #AUDIT}: address, MAC, file, result; never the secret.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(ProvisioningServlet.PATH + "/*")
public class ProvisioningServlet extends HttpServlet {
    static final String PATH = "/provisioning";
    static final String AUDIT = "org.dialplane.phones.provisioning.audit";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AUDIT);
    /** The one answer to every refusal. */
    private static final byte[] NOT_FOUND = problem(404, "Not Found", "No such provisioning file");
    private static final int MAX_LOGGED = 80;

    private final transient ProvisioningSettings settings;
    private final transient Provisioner provisioner;
    private final transient RateLimit rateLimit = new RateLimit();

    @Activate
    public ProvisioningServlet(@Reference ProvisioningSettings settings, @Reference PhoneModels models,
            @Reference PhoneRepository repository) {
        this.settings = settings;
        this.provisioner = new Provisioner(models, repository);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String address = request.getRemoteAddr();
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] parts = path.split("/", -1);
        // Only the last segment is ever logged: the one before it may be a secret.
        String file = parts[parts.length - 1];
        ProvisioningSettings.Config config = settings.config();
        long retryAfter = rateLimit.retryAfter(address, System.currentTimeMillis(),
                config.rate_limit_requests(), config.rate_limit_seconds());
        if (retryAfter > 0) {
            audit(address, null, file, "rate-limited");
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(retryAfter));
            write(response, MediaTypes.PROBLEM_JSON, problem(429, "Too Many Requests",
                    "Too many provisioning requests; retry in " + retryAfter + " s"));
            return;
        }
        boolean wellFormed = parts.length == 3 && parts[0].isEmpty();
        Provisioner.Outcome outcome;
        try {
            outcome = wellFormed ? provisioner.serve(parts[1], parts[2], settings)
                    : Provisioner.Outcome.refused("malformed-path", null);
        } catch (RuntimeException e) {
            // Something below failed (the database is gone, say): a 503, as core answers an outage.
            audit(address, null, file, "error");
            LoggerFactory.getLogger(ProvisioningServlet.class).warn("Provisioning failed: {}", e.toString());
            response.setStatus(503);
            response.setHeader("Retry-After", "5");
            write(response, MediaTypes.PROBLEM_JSON, problem(503, "Service Unavailable",
                    "Provisioning is unavailable; retry later"));
            return;
        }
        audit(address, outcome.mac(), file, outcome.result());
        if (!outcome.served()) {
            response.setStatus(404);
            write(response, MediaTypes.PROBLEM_JSON, NOT_FOUND);
            return;
        }
        response.setStatus(200);
        write(response, outcome.contentType() + "; charset=UTF-8", outcome.body().getBytes(StandardCharsets.UTF_8));
    }

    /** An RFC 9457 problem as core answers one; the texts are this class's own constants, never request data. */
    private static byte[] problem(int status, String title, String detail) {
        return ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + detail + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static void write(HttpServletResponse response, String contentType, byte[] body) throws IOException {
        // Answers carry SIP passwords, or say nothing: no cache keeps either.
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void audit(String address, String mac, String file, String result) {
        LOG.info("provisioning address={} mac={} file={} result={}", address, mac == null ? "-" : mac,
                loggable(file), result);
    }

    /** The requested name as it may be logged: no control characters or spaces (one line, one field). */
    static String loggable(String text) {
        String shown = text.length() > MAX_LOGGED ? text.substring(0, MAX_LOGGED) : text;
        return shown.isEmpty() ? "-" : shown.replaceAll("[^A-Za-z0-9._/:-]", "?");
    }
}
