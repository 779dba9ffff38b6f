package org.dialplane.core.internal.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * With {@value #PROPERTY} true, a plain HTTP request from another host answers 308 to the same URL on the HTTPS
 * port, so no password, token or key crosses the network in the clear after one mistake of a client's. Requests
 * from the loopback address are served as they come: they never leave the host (the launcher's readiness
 * probe, local tools, a reverse proxy terminating TLS on the same machine).
 */
record HttpsRedirect(int httpsPort) {
    static final String PROPERTY = "dialplane.http.redirect";

    /** Null when the redirect is off. */
    static HttpsRedirect from(UnaryOperator<String> properties, int httpsPort) {
        return Boolean.parseBoolean(properties.apply(PROPERTY)) ? new HttpsRedirect(httpsPort) : null;
    }

    /** Answers the redirect and says so, or leaves the request alone. */
    boolean redirected(HttpServletRequest request, HttpServletResponse response) {
        if (request.isSecure() || loopback(request.getRemoteAddr())) {
            return false;
        }
        String host = request.getServerName();
        String authority = (host.contains(":") ? "[" + host + "]" : host) + (httpsPort == 443 ? "" : ":" + httpsPort);
        String query = request.getQueryString();
        response.setStatus(308); // like 301, but the method and body stay the same
        response.setHeader("Location", "https://" + authority + request.getRequestURI() + (query == null ? "" : "?" + query));
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(0);
        return true;
    }

    private static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
