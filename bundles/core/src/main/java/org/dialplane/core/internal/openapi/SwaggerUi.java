package org.dialplane.core.internal.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.dialplane.core.rest.ApiException;
import org.osgi.framework.Bundle;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * The API explorer: Swagger UI (a pinned version, its files inside this bundle, see bnd.bnd; nothing from a CDN) on
 * the live {@code /pbxapi/openapi.json}, so that a reload shows the bundles active now. Its "Authorize" offers what
 * the document declares (a Bearer token, an API key as X-API-Key or ?key=); "Try it out" calls this same server.
 * Files are served from a fixed list by name: nothing of the request becomes a path.
 */
final class SwaggerUi {
    static final String VERSION_HEADER = "Dialplane-SwaggerUI-Version";
    static final String INITIALIZER = "dialplane-docs.js";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, String> FILES = Map.of(
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui.css", "text/css; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "swagger-ui-bundle.js.LICENSE.txt", "text/plain; charset=utf-8");
    private static final CacheControl REVALIDATE = CacheControl.valueOf("no-cache");

    private final Bundle bundle;
    private final String version;
    private final EntityTag tag;
    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    SwaggerUi(Bundle bundle) {
        this.bundle = bundle;
        this.version = bundle.getHeaders().get(VERSION_HEADER);
        // Swagger UI's own version and this bundle's: either changing makes browsers fetch the files again.
        this.tag = new EntityTag(version + "-" + bundle.getVersion() + "-" + bundle.getLastModified());
    }

    String page() {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>Dialplane API explorer</title>
                  <link rel="icon" type="image/png" href="/pbxapi/docs/favicon-32x32.png">
                  <link rel="stylesheet" href="/pbxapi/docs/swagger-ui.css">
                  <style>body{margin:0}.topbar{display:none}</style>
                </head>
                <body>
                  <noscript>The explorer needs JavaScript. The operations are listed at
                    <a href="/pbxapi/docs/list">/pbxapi/docs/list</a> and described by
                    <a href="/pbxapi/openapi.json">/pbxapi/openapi.json</a>.</noscript>
                  <div id="swagger-ui"></div>
                  <script src="/pbxapi/docs/swagger-ui-bundle.js"></script>
                  <script src="/pbxapi/docs/dialplane-docs.js"></script>
                </body>
                </html>
                """;
    }

    /**
     * Swagger UI's settings, in a file rather than inline so that a strict Content-Security-Policy can be added
     * in front of Dialplane. No online validator (nothing leaves the browser for another host); credentials are not
     * kept in the browser's storage beyond the page.
     */
    private static String initializer() {
        return """
                window.addEventListener('load', function () {
                  window.ui = SwaggerUIBundle({
                    url: '/pbxapi/openapi.json',
                    dom_id: '#swagger-ui',
                    deepLinking: true,
                    displayRequestDuration: true,
                    filter: true,
                    validatorUrl: null,
                    persistAuthorization: false,
                    presets: [SwaggerUIBundle.presets.apis],
                    layout: 'BaseLayout'
                  });
                });
                """;
    }

    /** One of the explorer's files, 304 when the browser has it already; 404 for any other name. */
    Response file(String name, Request request) {
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.cacheControl(REVALIDATE).tag(tag).build();
        }
        if (INITIALIZER.equals(name)) {
            return Response.ok(initializer(), "text/javascript; charset=utf-8").cacheControl(REVALIDATE).tag(tag)
                    .build();
        }
        String type = FILES.get(name);
        if (type == null || version == null) {
            throw ApiException.notFound("The API explorer has no file " + name);
        }
        return Response.ok(loaded.computeIfAbsent(name, this::load), type).cacheControl(REVALIDATE).tag(tag).build();
    }

    private byte[] load(String name) {
        URL entry = bundle.getEntry(WEBJAR + version + "/" + name);
        if (entry == null) {
            throw ApiException.notFound("The API explorer has no file " + name);
        }
        try (InputStream in = entry.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
