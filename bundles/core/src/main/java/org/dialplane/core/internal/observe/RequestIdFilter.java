package org.dialplane.core.internal.observe;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.servlet.whiteboard.Preprocessor;
import org.slf4j.MDC;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Gives every request its id ({@link RequestIds}) before anything else sees it: ranked above the readiness gate, so
 * that its 503s carry the id too. The id goes into the answer's header, a request attribute and, while the request
 * is served on this thread, the logging MDC. It also has Jetty log the request when it completes
 * ({@link JettyRequestLog}).
 */
@Component(service = Preprocessor.class, property = "service.ranking:Integer=1000")
public class RequestIdFilter implements Preprocessor {

    @Override
    public void init(FilterConfig config) {
        // nothing to set up: the server is reached through the requests
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = RequestIds.accept(((HttpServletRequest) request).getHeader(RequestIds.HEADER));
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        ((HttpServletResponse) response).setHeader(RequestIds.HEADER, id);
        JettyRequestLog.install(request);
        MDC.put(RequestIds.MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    @Override
    public void destroy() {
        // the request log stays until core stops (deactivate), across Felix restarting its whiteboard
    }

    @Deactivate
    void deactivate() {
        JettyRequestLog.restore();
    }
}
