package org.dialplane.core.internal.openapi;

import java.util.List;

import org.dialplane.core.rest.FieldSet;

/**
 * One HTTP operation of a resource, as read from its JAX-RS annotations.
 *
 * @param method     the HTTP method, upper case
 * @param path       the full path template, e.g. {@code /pbxapi/extensions/{id}}
 * @param tag        the group it is listed under (the first path segment after the base)
 * @param summary    a one-line description
 * @param parameters path, query and header parameters
 * @param body       the Java type of the request body, or null
 * @param consumes   the media types of the request body ({@code @Consumes}; JSON when not declared)
 * @param produces   the media types of the response
 * @param isPublic   whether it answers without authentication
 * @param returns    the Java return type of the method
 * @param fields     the declared fields of its bodies and answers ({@code @Fields}), or null
 * @param status     the status of a successful answer as {@code @Doc(status=)} declares it, or 0 (inferred)
 */
record Operation(String method, String path, String tag, String summary, List<Parameter> parameters,
        Class<?> body, List<String> consumes, List<String> produces, boolean isPublic, Class<?> returns,
        Declared fields, int status) {

    /** A parameter: where it goes ({@code path}, {@code query}, {@code header}), its name and Java type. */
    record Parameter(String in, String name, Class<?> type, String defaultValue) {
    }

    /**
     * A resource's field set as {@code @Fields} names it.
     *
     * @param name    the schema name: {@code Extension} gives Extension, ExtensionCreate, ExtensionUpdate,
     *                ExtensionResults
     * @param answers whether the operation's answers are lists of these fields
     */
    record Declared(String name, FieldSet fieldSet, boolean answers) {
    }

    /** Whether the path names one or more items ({@code /extensions/{ids}}) rather than the collection. */
    boolean onItems() {
        return parameters.stream().anyMatch(p -> p.in().equals("path"));
    }
}
