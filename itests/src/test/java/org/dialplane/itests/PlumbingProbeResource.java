package org.dialplane.itests;

import static org.dialplane.core.rest.FieldSet.Trait.DEFAULT;
import static org.dialplane.core.rest.FieldSet.Trait.SEARCHABLE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import org.dialplane.core.auth.Public;
import org.dialplane.core.rest.Crud;
import org.dialplane.core.rest.FieldSet;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.Reload;
import org.dialplane.core.rest.Results;
import org.dialplane.core.rest.Validation;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * A resource shaped like a resource bundle's, registered by {@link RestPlumbingIT} from inside the container for
 * the length of the test only, over an in-memory map. Exists only in the tests.
 */
@Public // the plumbing, not authentication, is under test here (AuthIT covers that)
@Path("test-plumbing")
@Produces(MediaType.APPLICATION_JSON)
public class PlumbingProbeResource {
    static final FieldSet FIELDS = FieldSet.builder()
            .field("id", "id", DEFAULT)
            .field("name", "name", DEFAULT, SEARCHABLE)
            .field("size", "size")
            .build();

    final Map<String, Map<String, Object>> rows = new ConcurrentSkipListMap<>();
    volatile int reloads;

    PlumbingProbeResource() {
        for (int id = 100; id < 103; id++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", Integer.toString(id));
            row.put("name", "probe " + id);
            row.put("size", id - 99);
            rows.put(row.get("id").toString(), row);
        }
    }

    @GET
    public Results list(@Context UriInfo uri) {
        return Crud.list(Query.of(uri, FIELDS), query -> List.copyOf(rows.values()), query -> rows.size());
    }

    @GET
    @Path("{ids}")
    public Results get(@PathParam("ids") String ids, @Context UriInfo uri) {
        return Crud.get(Ids.parse(ids, Ids.NUMERIC), Query.of(uri, FIELDS), this::byIds, "probe");
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonBody body, @QueryParam("reload") String reload, @Context UriInfo uri) {
        boolean apply = Reload.requested(reload, body);  // before writing: a bad flag must change nothing
        Validation v = Validation.of(body);
        String name = v.text("name").required().maxLength(20).value();
        Integer size = v.integer("size").range(1, 10).orElse(1);
        v.check();
        String id = Integer.toString(rows.keySet().stream().mapToInt(Integer::parseInt).max().orElse(99) + 1);
        rows.put(id, new LinkedHashMap<>(Map.of("id", id, "name", name, "size", size)));
        if (apply) {
            reloads++;
        }
        return Crud.created(uri, id);
    }

    @DELETE
    @Path("{ids}")
    public Response delete(@PathParam("ids") String ids) {
        return Crud.delete(Ids.parse(ids, Ids.NUMERIC), all -> {
            all.requireAll(rows.keySet(), "probe");
            all.forEach(rows::remove);
        });
    }

    /** A body bound to a record by Jackson rather than read as a {@link JsonBody}. */
    public record Resize(int size) {
    }

    @POST
    @Path("{id}/resize")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resize(@PathParam("id") String id, Resize resize) {
        return Response.ok().build();
    }

    private Map<String, Map<String, Object>> byIds(Ids ids) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        ids.forEach(id -> {
            if (rows.containsKey(id)) {
                found.put(id, rows.get(id));
            }
        });
        return found;
    }
}
