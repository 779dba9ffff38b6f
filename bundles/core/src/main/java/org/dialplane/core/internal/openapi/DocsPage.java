package org.dialplane.core.internal.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A self-contained HTML page listing the active operations, grouped by resource. No scripts, no CDN. */
final class DocsPage {
    private DocsPage() {
    }

    static String render(String version, List<Operation> operations) {
        Map<String, List<Operation>> byTag = operations.stream()
                .collect(Collectors.groupingBy(Operation::tag, LinkedHashMap::new, Collectors.toList()));
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Dialplane API</title><style>")
                .append("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}")
                .append("code{background:#f3f3f3;padding:0 .2rem}table{border-collapse:collapse;width:100%}")
                .append("td{border-bottom:1px solid #ddd;padding:.3rem;vertical-align:top}")
                .append(".m{font-weight:bold;width:5rem}.p{color:#666;font-size:.9em}")
                .append("</style></head><body><h1>Dialplane API <small>").append(escape(version))
                .append("</small></h1><p>Machine-readable: <a href=\"openapi.json\">openapi.json</a>. ")
                .append("Authenticate with <code>POST /pbxapi/authenticate</code>, then send ")
                .append("<code>Authorization: Bearer &lt;token&gt;</code> or an API key as <code>X-API-Key</code>. ")
                .append("Errors are <code>application/problem+json</code>.</p>");
        byTag.forEach((tag, ops) -> {
            html.append("<h2>").append(escape(tag)).append("</h2><table>");
            for (Operation op : ops) {
                html.append("<tr><td class=\"m\">").append(op.method()).append("</td><td><code>")
                        .append(escape(op.path())).append("</code>").append(op.isPublic() ? " (no auth)" : "")
                        .append("<br>").append(escape(op.summary()));
                String params = op.parameters().stream().map(p -> p.in() + ":" + p.name())
                        .collect(Collectors.joining(", "));
                if (!params.isEmpty()) {
                    html.append("<div class=\"p\">").append(escape(params)).append("</div>");
                }
                if (op.fields() != null) {
                    html.append("<div class=\"p\">").append(escape(fields(op))).append("</div>");
                }
                html.append("</td></tr>");
            }
            html.append("</table>");
        });
        return html.append("</body></html>").toString();
    }

    /** The fields a body takes (required ones marked *) or an answer shows. */
    private static String fields(Operation op) {
        boolean body = op.body() != null;
        String names = op.fields().fieldSet().fields().stream()
                .filter(f -> !body || !f.spec().isReadOnly())
                .map(f -> f.name() + (body && op.method().equals("POST") && f.spec().isRequired() ? "*" : ""))
                .collect(Collectors.joining(", "));
        return (body ? "body: " : "fields: ") + names;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
