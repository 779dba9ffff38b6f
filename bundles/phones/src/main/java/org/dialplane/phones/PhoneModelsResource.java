package org.dialplane.phones;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.PbxResource;
import org.dialplane.core.rest.Crud;
import org.dialplane.core.rest.Doc;
import org.dialplane.core.rest.Fields;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.Results;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /pbxapi/phonemodels}: the models registered now (built-in and vendors'), for every caller. Read-only:
 * a model comes and goes with the bundle that registers it.
 */
@Component(service = PhoneModelsResource.class, immediate = true)
@PbxResource(name = "dialplane.phonemodels")
@Path("phonemodels")
@Fields(PhoneModelFields.class)
@Produces(MediaType.APPLICATION_JSON)
public class PhoneModelsResource {
    private final PhoneModels models;

    @Activate
    public PhoneModelsResource(@Reference PhoneModels models) {
        this.models = models;
    }

    @GET
    @Doc("List the phone models (fields=, limit, offset, order, direction, search)")
    public Results list(@Context UriInfo uri, @Context SecurityContext security) {
        Caller.of(security);
        Query query = Query.of(uri, PhoneModelFields.FIELDS);
        List<Map<String, Object>> matching = matching(query);
        Stream<Map<String, Object>> page = matching.stream().skip(query.offset());
        List<Map<String, Object>> shown = query.limit().map(limit -> page.limit(limit)).orElse(page).toList();
        return Crud.list(query, q -> shown, q -> matching.size());
    }

    @GET
    @Path("{ids}")
    @Doc("One or more phone models by id (comma-separated)")
    public Results get(@PathParam("ids") String ids, @Context UriInfo uri, @Context SecurityContext security) {
        Caller.of(security);
        Query query = Query.of(uri, PhoneModelFields.FIELDS);
        return Crud.get(Ids.parse(ids, KnownModel.ID), query, i -> byId(i), "phone model");
    }

    private Map<String, Map<String, Object>> byId(Ids ids) {
        Map<String, Map<String, Object>> found = new java.util.LinkedHashMap<>();
        for (String id : ids) {
            models.get(id).ifPresent(model -> found.put(id, PhoneModelFields.row(model)));
        }
        return found;
    }

    /** The models the search matches, in the order asked for. */
    private List<Map<String, Object>> matching(Query query) {
        Optional<String> search = query.search().map(s -> s.toLowerCase(Locale.ROOT));
        Comparator<Map<String, Object>> order = Comparator.comparing(
                row -> String.valueOf(row.get(query.order().name())), String.CASE_INSENSITIVE_ORDER);
        if ("lines".equals(query.order().name())) {
            order = Comparator.comparingInt(row -> (Integer) row.get("lines"));
        }
        if (query.direction() == Query.Direction.DESC) {
            order = order.reversed();
        }
        return models.all().stream().map(PhoneModelFields::row)
                .filter(row -> search.isEmpty() || PhoneModelFields.FIELDS.searchable().stream()
                        .anyMatch(f -> String.valueOf(row.get(f.name())).toLowerCase(Locale.ROOT)
                                .contains(search.get())))
                .sorted(order).toList();
    }
}
