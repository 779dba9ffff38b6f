package org.dialplane.core.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The answers every resource gives the same way. A resource bundle's service builds its lists with
 * {@link #list} and {@link #get}; its resource adapter answers writes with {@link #created}, {@link #saved} and
 * {@link #delete}, so that each resource method is a parse and one call (see docs/rest-conventions.md):
 *
 * <pre>{@code
 * // in ExtensionServiceImpl
 * public Results list(Query query, Caller caller) {
 *     return Crud.list(query, q -> repository.find(q, caller), q -> repository.count(q, caller));
 * }
 *
 * // in ExtensionsResource
 * @POST
 * @Consumes(MediaType.APPLICATION_JSON)
 * public Response create(JsonBody body, @QueryParam(Reload.NAME) String reload, @Context UriInfo uri,
 *         @Context SecurityContext security) {
 *     boolean apply = Reload.requested(reload, body);     // first: a bad flag must change nothing
 *     ExtensionChange change = ExtensionFields.validate(body, true);
 *     return Crud.created(uri, extensions.create(change, apply, Caller.of(security)));
 * }
 * }</pre>
 */
public final class Crud {
    private Crud() {
    }

    /**
     * A list: the rows {@code find} returns for the query, shown with the query's fields, the total from
     * {@code count} (the rows matching the search, ignoring the page) when the query is {@link Query#counted()},
     * and the next page's cursor when the query pages by key and the page is full ({@link Query#next}). When
     * {@code find} returns {@link StreamedRows} (a whole list), they are shown as they are read. Since 2.3.
     */
    public static Results list(Query query, Function<Query, ? extends List<?>> find, ToLongFunction<Query> count) {
        List<?> rows = find.apply(query);
        if (rows instanceof StreamedRows streamed) {
            // A whole list, read while written: shown row by row; it has no next page.
            Long total = query.counted() ? count.applyAsLong(query) : null;
            return new Results(streamed.map(query::project), total, null);
        }
        List<Map<String, Object>> shown = query.project(rows);
        Long total = query.counted() ? count.applyAsLong(query) : null;
        return new Results(shown, total, query.next(rows).orElse(null));
    }

    /**
     * One or more items by id, in the order requested, shown with the query's fields.
     *
     * @param find returns the items found, keyed by id (ids the caller may not see are simply absent)
     * @param noun what an id names, for the 404: "extension"
     * @throws ApiException 404 naming the ids not found
     */
    public static Results get(Ids ids, Query query, Function<Ids, ? extends Map<String, ?>> find, String noun) {
        Map<String, ?> found = find.apply(ids);
        ids.requireAll(found.keySet(), noun);
        List<Map<String, Object>> shown = new ArrayList<>(ids.size());
        for (String id : ids) {
            shown.add(query.project(found.get(id)));
        }
        return Results.of(shown);
    }

    /** 201 Created for a POST to a collection, with {@code Location} at the new item and no body. */
    public static Response created(UriInfo uri, String id) {
        URI location = uri.getAbsolutePathBuilder().path(id).replaceQuery(null).build();
        return Response.created(location).build();
    }

    /**
     * The answer to a PUT at an item's own URI: 200 either way, with {@code Location} only when it created the
     * item, and no body. This is Issabel pbxapi's documented answer ("Location is only set if the resource was
     * created instead of updated"), which clients written for it test for.
     */
    public static Response saved(boolean created, UriInfo uri) {
        if (created) {
            return Response.ok().location(uri.getAbsolutePathBuilder().replaceQuery(null).build()).build();
        }
        return Response.ok().build();
    }

    /**
     * A DELETE of one or more ids: {@code delete} removes them all in one transaction or none (it calls
     * {@link Ids#requireAll} inside the transaction, whose 404 rolls it back); 200 with no body.
     */
    public static Response delete(Ids ids, Consumer<Ids> delete) {
        delete.accept(ids);
        return Response.ok().build();
    }
}
