package org.dialplane.core.internal.observe;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.ServletRequest;

/**
 * Jetty's request log, which Jetty calls once for every request when its answer is complete: the only place that
 * knows the bytes really sent and the whole duration, also for streamed answers and for requests Jetty rejected
 * itself. It turns each into a {@link RequestRecord} for its listeners (the access log, the request metrics).
 * <p>
 * Felix builds its Jetty {@code Server} privately; {@link RequestIdFilter} reaches it through the first request it
 * sees and {@link #install installs} this log there (it is read when a request completes, so that first request is
 * logged too). The log Felix had, if any, is still called.
 */
public final class JettyRequestLog implements RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger(JettyRequestLog.class);
    private static final JettyRequestLog INSTANCE = new JettyRequestLog();
    /** The log each server had before ours; weak, as Felix replaces its server when it restarts Jetty. */
    private static final Map<Server, RequestLog> REPLACED = new WeakHashMap<>();
    private static final List<Consumer<RequestRecord>> LISTENERS = new CopyOnWriteArrayList<>();
    /** Whether any server had a log of its own to call as well (usually none: no lock per request then). */
    private static volatile boolean chained;

    private JettyRequestLog() {
    }

    /** Adds a listener; it is called on Jetty's threads and must be quick. */
    public static void listen(Consumer<RequestRecord> listener) {
        LISTENERS.add(listener);
    }

    public static void unlisten(Consumer<RequestRecord> listener) {
        LISTENERS.remove(listener);
    }

    /** Makes this the request log of the server serving {@code request}, once per server. */
    static void install(ServletRequest request) {
        ServletContextRequest jetty = ServletContextRequest.getServletContextRequest(request);
        if (jetty == null) {
            return;
        }
        Server server = jetty.getConnectionMetaData().getConnector().getServer();
        if (server.getRequestLog() == INSTANCE) {
            return;
        }
        synchronized (REPLACED) {
            RequestLog current = server.getRequestLog();
            if (current != INSTANCE) {
                REPLACED.put(server, current);
                chained |= current != null;
                server.setRequestLog(INSTANCE);
            }
        }
    }

    /** Gives every server its own request log back, when core stops. */
    static void restore() {
        synchronized (REPLACED) {
            REPLACED.forEach((server, previous) -> {
                if (server.getRequestLog() == INSTANCE) {
                    server.setRequestLog(previous);
                }
            });
            REPLACED.clear();
        }
    }

    @Override
    public void log(Request request, Response response) {
        RequestLog previous = previous(request);
        if (previous != null) {
            previous.log(request, response);
        }
        if (LISTENERS.isEmpty()) {
            return;
        }
        long nanos = System.nanoTime() - request.getBeginNanoTime();
        String id = request.getAttribute(RequestIds.ATTRIBUTE) instanceof String known ? known : RequestIds.generate();
        RequestRecord record = new RequestRecord(
                Instant.now().minusNanos(nanos), id, request.getMethod(),
                request.getAttribute(RequestIds.ROUTE_ATTRIBUTE) instanceof String route ? route : null,
                request.getConnectionMetaData().getProtocol(), response.getStatus(),
                Response.getContentBytesWritten(response), Math.max(0, nanos),
                request.getAttribute(RequestIds.CALLER_ATTRIBUTE) instanceof String caller ? caller : null,
                Request.getRemoteAddr(request), request.getHeaders().get(HttpHeader.USER_AGENT),
                request.getHeaders().get(HttpHeader.REFERER));
        for (Consumer<RequestRecord> listener : LISTENERS) {
            try {
                listener.accept(record);
            } catch (RuntimeException e) {
                LOG.warn("Request listener {} failed after {} ms", listener,
                        TimeUnit.NANOSECONDS.toMillis(nanos), e);
            }
        }
    }

    private static RequestLog previous(Request request) {
        if (!chained) {
            return null;
        }
        synchronized (REPLACED) {
            return REPLACED.get(request.getConnectionMetaData().getConnector().getServer());
        }
    }
}
