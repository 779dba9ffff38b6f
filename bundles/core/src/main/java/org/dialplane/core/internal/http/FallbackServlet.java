package org.dialplane.core.internal.http;

import java.io.IOException;

import org.dialplane.core.internal.rest.Json;
import org.dialplane.core.rest.MediaTypes;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletErrorPage;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers every path outside the REST application, and every error the HTTP server produces itself, with
 * problem+json rather than the servlet container's HTML pages.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
@HttpWhiteboardServletErrorPage(errorPage = { "4xx", "5xx" })
public class FallbackServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object errorStatus = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status;
        String detail;
        if (errorStatus instanceof Integer code) {
            status = code;
            Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
            detail = message instanceof String text && !text.isBlank() ? text : "The request could not be served.";
        } else {
            status = 404;
            detail = "No resource at " + request.getRequestURI();
        }
        response.setStatus(status);
        response.setContentType(MediaTypes.PROBLEM_JSON);
        Json.MAPPER.writeValue(response.getOutputStream(), ProblemMapper.problem(status, detail));
    }
}
