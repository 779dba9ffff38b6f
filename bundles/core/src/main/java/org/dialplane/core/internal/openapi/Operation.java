package org.dialplane.core.internal.openapi;

import java.util.List;

/**
 * One HTTP operation of a resource, as read from its JAX-RS annotations.
 *
 * @param method     the HTTP method, upper case
 * @param path       the full path template, e.g. {@code /pbxapi/extensions/{id}}
 * @param tag        the group it is listed under (the first path segment after the base)
 * @param summary    a one-line description
 * @param parameters path, query and header parameters
 * @param body       the Java type of the request body, or null
 * @param produces   the media types of the response
 * @param isPublic   whether it answers without authentication
 */
record Operation(String method, String path, String tag, String summary, List<Parameter> parameters,
        Class<?> body, List<String> produces, boolean isPublic) {

    /** A parameter: where it goes ({@code path}, {@code query}, {@code header}), its name and Java type. */
    record Parameter(String in, String name, Class<?> type, String defaultValue) {
    }
}
