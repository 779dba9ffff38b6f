package org.dialplane.mirta;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.dialplane.core.audit.AuditLog;
import org.dialplane.core.auth.ApiKeys;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.Tenants;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Problem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

/**
 * MiRTA's {@code proxyapi.php}, at both of its addresses: reads the request (query and form, GET or POST),
 * authenticates its {@code key} through core's {@link ApiKeys}, scopes it to {@code tenant=} ({@link Scope}), finds
 * the {@link Reqtype} of {@code reqtype} (and {@code info=}/{@code object=}), refuses a read-only key a write, and
 * answers in MiRTA's formats with honest statuses. A servlet rather than a Jakarta-RS resource: MiRTA's paths are
 * outside {@code /pbxapi}, and its errors are {@code Error|<message>|}, not problem+json. Fail-closed: without
 * core's key check every request is a 503, never served unauthenticated.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({ "/pbx/proxyapi.php", "/mirtapbx/proxyapi.php" })
@HttpWhiteboardServletMultipart(enabled = true, maxFileSize = ProxyApiServlet.MAX_BODY, maxRequestSize = ProxyApiServlet.MAX_BODY)
public class ProxyApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final int MAX_BODY = 32 * 1024 * 1024;
    /** A form body, even with a media file's JSON, is small; core's JSON bodies have the same limit. */
    private static final int MAX_FORM = 1024 * 1024;
    private static final int RETRY_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(ProxyApiServlet.class);

    private final transient Map<String, Reqtype> handlers = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ApiKeys keys;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Tenants tenants;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog audit;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addReqtype(Reqtype handler) {
        handlers.put(key(handler.reqtype(), handler.selected()), handler);
    }

    void removeReqtype(Reqtype handler) {
        handlers.remove(key(handler.reqtype(), handler.selected()), handler);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        Answer answer;
        boolean json = false;
        ProxyAudit.Note note = new ProxyAudit.Note();
        try {
            if (!"GET".equals(request.getMethod()) && !"POST".equals(request.getMethod())) {
                response.setHeader("Allow", "GET, POST");
                throw new ApiException(405, "Method " + request.getMethod() + " is not allowed; use GET or POST");
            }
            ProxyRequest proxy = new ProxyRequest(Parameters.of(request.getQueryString(), form(request)),
                    files(request));
            json = "json".equalsIgnoreCase(proxy.get("format"));
            note.request = proxy;
            answer = answer(proxy, note);
        } catch (ApiException e) {
            answer = Answer.error(e.problem().status(), message(e.problem()));
            e.headers().forEach(response::setHeader);
        } catch (RuntimeException e) {
            LOG.error("Unexpected error answering {}", request.getRequestURI(), e);
            answer = Answer.error(500, "The server could not answer this request; the error has been logged");
        }
        ProxyAudit.record(audit, note, request, answer.status());
        answer.write(response, json);
    }

    private Answer answer(ProxyRequest request, ProxyAudit.Note note) {
        Caller key = authenticate(request.get("key"));
        note.caller = key;
        String reqtype = request.upper("reqtype");
        if (reqtype == null) {
            throw ApiException.badRequest("Missing parameter reqtype; reqtype=HELP lists the request types");
        }
        if (reqtype.equals("HELP")) {
            return help();
        }
        Reqtype handler = handler(reqtype, request);
        note.write = handler.writes(request);
        Caller caller = handler.tenantScoped() ? Scope.of(key, request.get("tenant"), this::tenant) : key;
        note.caller = caller;
        if (handler.writes(request) && caller.readOnly()) {
            String action = request.upper("action");
            throw ApiException.forbidden("This key is read-only; " + reqtype + (action == null ? "" : " " + action)
                    + " would change the PBX");
        }
        return handler.handle(request, caller);
    }

    private Caller authenticate(String key) {
        ApiKeys current = keys;
        if (current == null) {
            throw ApiException.unavailable("Authentication is not available right now; try again shortly",
                    RETRY_SECONDS);
        }
        if (key == null) {
            throw new ApiException(401, "Missing parameter key: an API key of this installation");
        }
        return current.authenticate(key);
    }

    private Optional<org.dialplane.core.auth.Tenant> tenant(String code) {
        Tenants current = tenants;
        if (current == null) {
            throw ApiException.unavailable("Tenants cannot be looked up right now; try again shortly", RETRY_SECONDS);
        }
        return current.byCode(code);
    }

    /** The handler of the request: 400 for what MiRTA has not, 501 for what is not served yet, 503 when down. */
    private Reqtype handler(String reqtype, ProxyRequest request) {
        if (!Catalog.isReqtype(reqtype)) {
            throw ApiException.badRequest("Unknown reqtype " + reqtype + "; reqtype=HELP lists the request types");
        }
        String value = "";
        Optional<String> selector = Catalog.selector(reqtype);
        if (selector.isPresent()) {
            String sent = request.get(selector.get());
            if (sent == null) {
                throw ApiException.badRequest("Missing parameter " + selector.get() + " for reqtype " + reqtype
                        + "; one of " + String.join(", ", Catalog.values(reqtype)));
            }
            value = Catalog.normalize(reqtype, sent);
        } else {
            value = Catalog.form(reqtype, request);
        }
        Catalog.Known known = Catalog.find(reqtype, value).orElseThrow(() -> ApiException.badRequest("Unknown "
                + selector.orElse("value") + " '" + request.get(selector.orElse("")) + "' for reqtype " + reqtype
                + "; one of " + String.join(", ", Catalog.values(reqtype))));
        Reqtype handler = handlers.get(key(reqtype, value));
        if (handler != null) {
            return handler;
        }
        if (!known.handled()) {
            throw new ApiException(501, known.name() + " is not served by this installation yet");
        }
        throw ApiException.unavailable(known.name() + " is not available: it needs " + known.provider()
                + ", which is not running", RETRY_SECONDS);
    }

    /** MiRTA's syntax of every request type served right now, in the order MiRTA lists them. */
    private Answer help() {
        StringBuilder text = new StringBuilder("""
                Parameters:
                  reqtype - Request type
                  tenant  - Optional with a global API key (% for every tenant), otherwise the key's own tenant code
                  key     - A global or tenant API key of this installation (read-write or read-only)
                  format  - Optional: json answers Success|...| and Error|...| lines as {"Response", "Message", "ID"}

                Request type (reqtype):
                """);
        String reqtype = null;
        for (Reqtype handler : handlers.values().stream().sorted(Comparator.comparingInt(Catalog::order)).toList()) {
            if (!handler.reqtype().equals(reqtype)) {
                reqtype = handler.reqtype();
                text.append(Catalog.header(reqtype));
            }
            text.append(handler.help());
        }
        text.append("HELP         - This page: the request types this installation serves now\n");
        return new Answer.Help(text.toString());
    }

    /**
     * A POST's form fields as an encoded form: the body of {@code application/x-www-form-urlencoded} (read here,
     * not by the container, whose strict decoding refuses MiRTA's {@code %}), or the text fields of a
     * {@code multipart/form-data}.
     */
    private static String form(HttpServletRequest request) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        if (type.startsWith("multipart/form-data")) {
            StringBuilder fields = new StringBuilder();
            for (Part part : parts(request)) {
                if (part.getSubmittedFileName() == null && part.getSize() <= MAX_FORM) {
                    String value = new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    fields.append(encode(part.getName())).append('=').append(encode(value)).append('&');
                }
            }
            return fields.toString();
        }
        if (!type.isEmpty() && !type.startsWith("application/x-www-form-urlencoded")) {
            return null; // as PHP: other bodies are not form fields
        }
        try (InputStream body = request.getInputStream()) {
            byte[] bytes = body.readNBytes(MAX_FORM + 1);
            if (bytes.length > MAX_FORM) {
                throw new ApiException(413, "The form is larger than " + MAX_FORM + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The file fields of a multipart POST, by name (the text fields are {@link #form}'s). */
    private static Map<String, Part> files(HttpServletRequest request) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        Map<String, Part> files = new java.util.HashMap<>();
        if ("POST".equals(request.getMethod()) && type.startsWith("multipart/form-data")) {
            for (Part part : parts(request)) {
                if (part.getSubmittedFileName() != null) {
                    files.put(part.getName(), part);
                }
            }
        }
        return files;
    }

    private static java.util.Collection<Part> parts(HttpServletRequest request) throws IOException {
        try {
            return request.getParts();
        } catch (ServletException malformed) {
            throw ApiException.badRequest("The multipart body cannot be read: " + malformed.getMessage());
        } catch (IllegalStateException tooLarge) {
            throw new ApiException(413, "The multipart body is larger than " + MAX_BODY + " bytes");
        }
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The detail or, for invalid fields, each field and what is wrong with it (its detail may name core's fields). */
    static String message(Problem problem) {
        if (problem.errors().isEmpty()) {
            return problem.detail();
        }
        StringBuilder message = new StringBuilder("Invalid fields: ");
        for (int i = 0; i < problem.errors().size(); i++) {
            Problem.FieldError error = problem.errors().get(i);
            message.append(i == 0 ? "" : "; ").append(error.field()).append(' ').append(error.message());
        }
        return message.toString();
    }

    private static String key(String reqtype, String selected) {
        return reqtype + "/" + selected;
    }
}
