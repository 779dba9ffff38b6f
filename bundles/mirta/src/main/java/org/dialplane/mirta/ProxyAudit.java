package org.dialplane.mirta;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.dialplane.core.audit.AuditEntry;
import org.dialplane.core.audit.AuditLog;
import org.dialplane.core.auth.Caller;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What core's audit log keeps of a proxyapi request: its writes (as its {@link Reqtype} says) and its refusals of
 * credentials (401) or of a read-only key's write (403). The path names the request type and its selectors
 * ({@code /pbx/proxyapi.php?reqtype=DIAL}), the fields are the names of the parameters sent but {@code key}: never a
 * value, never the key.
 */
final class ProxyAudit {
    private static final Pattern WORD = Pattern.compile("[A-Z0-9_]{1,30}");
    private static final List<String> SELECTORS = List.of("reqtype", "action", "info", "object");

    /** Filled in as the request is served, as far as it gets. */
    static final class Note {
        ProxyRequest request;
        Caller caller;
        boolean write;
    }

    private ProxyAudit() {
    }

    /** Records the request if it is one to keep; never throws: the audit log must not fail a request. */
    static void record(AuditLog log, Note note, HttpServletRequest http, int status) {
        if (log == null || !(note.write || status == 401 || status == 403)) {
            return;
        }
        try {
            log.record(entry(note, http, status));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ProxyAudit.class).warn("Could not audit a proxyapi request: {}",
                    e.toString());
        }
    }

    private static AuditEntry entry(Note note, HttpServletRequest http, int status) {
        StringBuilder path = new StringBuilder(http.getRequestURI());
        List<String> fields = List.of();
        if (note.request != null) {
            char separator = '?';
            for (String selector : SELECTORS) {
                String value = note.request.upper(selector);
                if (value != null) {
                    path.append(separator).append(selector).append('=')
                            .append(WORD.matcher(value).matches() ? value : "?");
                    separator = '&';
                }
            }
            fields = note.request.names().stream().filter(name -> !name.toLowerCase(Locale.ROOT).equals("key"))
                    .limit(100).toList();
        }
        Caller caller = note.caller;
        return new AuditEntry(Instant.now(), caller == null ? AuditEntry.NONE : AuditEntry.CALLER, null,
                caller == null ? null : caller.name(), caller == null ? null : caller.tenantId(),
                caller == null ? null : caller.tenantCode(), caller != null && caller.global(), http.getRemoteAddr(),
                http.getMethod(), path.toString(), null, fields, status);
    }
}
