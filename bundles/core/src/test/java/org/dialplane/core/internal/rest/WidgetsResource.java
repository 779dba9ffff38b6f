package org.dialplane.core.internal.rest;

import static org.dialplane.core.rest.FieldSet.Trait.DEFAULT;
import static org.dialplane.core.rest.FieldSet.Trait.SEARCHABLE;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.dialplane.core.rest.Crud;
import org.dialplane.core.rest.FieldSet;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.MaxBodySize;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.Reload;
import org.dialplane.core.rest.Results;
import org.dialplane.core.rest.Validation;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * A test-only resource shaped as a resource bundle's would be, over an in-memory "table", to drive the
 * plumbing through Jersey. Not shipped.
 */
@Path("widgets")
@Produces(MediaType.APPLICATION_JSON)
public class WidgetsResource {
    static final FieldSet FIELDS = FieldSet.builder()
            .field("id", "id", DEFAULT)
            .field("name", "name", DEFAULT, SEARCHABLE)
            .field("size", "size")
            .orderBy("id")
            .build();

    /** The store, shared by every request of a test (Jersey makes a resource per request). */
    static final Map<String, Map<String, Object>> TABLE = new TreeMap<>();
    static final AtomicInteger RELOADS = new AtomicInteger();

    @Context
    UriInfo uri;

    @GET
    public Results list() {
        return Crud.list(Query.of(uri, FIELDS), WidgetsResource::find, query -> matching(query).count());
    }

    @GET
    @Path("{ids}")
    public Results get(@PathParam("ids") String ids) {
        return Crud.get(Ids.parse(ids, Ids.NUMERIC), Query.of(uri, FIELDS), WidgetsResource::findByIds, "widget");
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonBody body, @QueryParam("reload") String reload) {
        boolean apply = Reload.requested(reload, body);  // before writing: a bad flag must change nothing
        Map<String, Object> row = validated(body, true);
        String id = Integer.toString(TABLE.keySet().stream().mapToInt(Integer::parseInt).max().orElse(99) + 1);
        row.put("id", id);
        TABLE.put(id, row);
        reloadIf(apply);
        return Crud.created(uri, id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("id") String idSegment, JsonBody body, @QueryParam("reload") String reload) {
        String id = Ids.parseOne(idSegment, Ids.NUMERIC);
        boolean apply = Reload.requested(reload, body);
        boolean creating = !TABLE.containsKey(id);
        Map<String, Object> changes = validated(body, creating);
        TABLE.computeIfAbsent(id, key -> new LinkedHashMap<>(Map.of("id", key))).putAll(changes);
        reloadIf(apply);
        return Crud.saved(creating, uri);
    }

    @DELETE
    @Path("{ids}")
    public Response delete(@PathParam("ids") String ids, @QueryParam("reload") String reload) {
        boolean apply = Reload.requested(reload, null);
        return Crud.delete(Ids.parse(ids, Ids.NUMERIC), all -> {
            all.requireAll(TABLE.keySet(), "widget");  // inside the transaction, in a real repository
            all.forEach(TABLE::remove);
            if (apply) {
                RELOADS.incrementAndGet();
            }
        });
    }

    /** A body bound to a record by Jackson, as a resource may do for simple inputs. */
    public record Resize(int size) {
    }

    @POST
    @Path("{id}/resize")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resize(@PathParam("id") String id, Resize resize) {
        return Response.ok().build();
    }

    /** A resource that takes more than the default limit. */
    @POST
    @Path("{id}/picture")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response picture(@PathParam("id") String id, @MaxBodySize(4096) JsonBody picture) {
        return Response.ok().build();
    }

    /** An error response some provider builds by hand, as plain text. */
    @GET
    @Path("teapot")
    @Produces(MediaType.TEXT_PLAIN)
    public Response teapot() {
        return Response.status(418).type(MediaType.TEXT_PLAIN).entity("I'm a teapot, short and stout").build();
    }

    private static Map<String, Object> validated(JsonBody body, boolean creating) {
        Validation v = Validation.of(body);
        String name = v.text("name").required(creating).maxLength(20).value();
        Integer size = v.integer("size").range(1, 10).value();
        v.check();
        Map<String, Object> row = new LinkedHashMap<>();
        if (name != null) {
            row.put("name", name);
        }
        if (size != null) {
            row.put("size", size);
        }
        return row;
    }

    private static void reloadIf(boolean apply) {
        if (apply) {
            RELOADS.incrementAndGet();
        }
    }

    private static List<Map<String, Object>> find(Query query) {
        Comparator<Map<String, Object>> order = Comparator.comparing(row -> String.valueOf(row.get(
                query.order().name())));
        if (query.direction() == Query.Direction.DESC) {
            order = order.reversed();
        }
        return matching(query).sorted(order).skip(query.offset()).limit(query.limit().orElse(Integer.MAX_VALUE)).toList();
    }

    private static Stream<Map<String, Object>> matching(Query query) {
        return TABLE.values().stream().filter(row -> query.search()
                .map(text -> String.valueOf(row.get("name")).contains(text)).orElse(true));
    }

    private static Map<String, Map<String, Object>> findByIds(Ids ids) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        ids.forEach(id -> {
            if (TABLE.containsKey(id)) {
                found.put(id, TABLE.get(id));
            }
        });
        return found;
    }
}
