package org.dialplane.mirta;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.Query;
import org.dialplane.customdestinations.api.CustomDestinationService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code MANAGEDB object=CUSTOM action=list|get|add|update}: the tenant's custom destinations through the custom
 * destinations bundle's {@link CustomDestinationService}. MiRTA's {@code cu_name}, {@code cu_ct_id},
 * {@code cu_param1..3} are its {@code name}, {@code type}, {@code param1..3}, checked against the type's kinds
 * (422 naming the {@code cu_} field); other fields (MiRTA's {@code cu_param4..}) are not kept, and the answer says
 * so. Writes apply the PBX configuration, as MiRTA's do, unless {@code reload=0}.
 */
@Component(service = Reqtype.class)
public class CustomReqtype implements Reqtype {
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,8}");
    private static final Set<String> WRITES = Set.of("ADD", "UPDATE");
    private static final ManagedFields FIELDS = new ManagedFields("CUSTOM", "cu", Map.of("cu_name", "name",
            "cu_ct_id", "type", "cu_param1", "param1", "cu_param2", "param2", "cu_param3", "param3"));

    private final CustomDestinationService destinations;

    @Activate
    public CustomReqtype(@Reference CustomDestinationService destinations) {
        this.destinations = destinations;
    }

    @Override
    public String reqtype() {
        return "MANAGEDB";
    }

    @Override
    public String selected() {
        return "CUSTOM";
    }

    @Override
    public boolean writes(ProxyRequest request) {
        return WRITES.contains(request.upper("action"));
    }

    @Override
    public String help() {
        return """
                                      custom - list, get, add, update (a tenant's custom destinations)
                                             objectid - the destination's cu_id, for get and update
                                             jsondata - for add and update: cu_name, cu_ct_id (a customtypes ct_id),
                                                        cu_param1, cu_param2, cu_param3
                """;
    }

    @Override
    public Answer handle(ProxyRequest request, Caller key) {
        String action = FIELDS.action(request, List.of("LIST", "GET", "ADD", "UPDATE"));
        Caller caller = FIELDS.tenantCaller(key);
        Query query = destinations.query(ManagedFields.ALL_FIELDS);
        boolean apply = !"0".equals(request.get("reload"));
        try {
            switch (action) {
                case "LIST":
                    return new Answer.Document(200, ManagedFields.rows(destinations.list(query, caller)).stream()
                            .map(row -> mirta(row, caller)).toList());
                case "GET":
                    return new Answer.Document(200, mirta(get(FIELDS.objectId(request, null, ID), query, caller),
                            caller));
                case "ADD": {
                    ManagedFields.Change change = FIELDS.change(request.jsonObject(), null, caller);
                    String id = destinations.create(destinations.change(change.fields(), true), apply, caller);
                    return Answer.success(201, change.message("Custom destination added"), id);
                }
                default: {
                    Map<String, Object> jsondata = request.jsonObject();
                    String id = FIELDS.objectId(request, jsondata, ID);
                    ManagedFields.Change change = FIELDS.change(jsondata, id, caller);
                    get(id, query, caller); // MiRTA's update changes what exists: 404, never a create
                    destinations.save(id, destinations.change(change.fields(), false), apply, caller);
                    return Answer.success(change.message("Custom destination updated"), id);
                }
            }
        } catch (ApiException e) {
            throw FIELDS.renamed(e);
        }
    }

    private Map<String, Object> get(String id, Query query, Caller caller) {
        return ManagedFields.rows(destinations.get(Ids.parse(id, ID), query, caller)).get(0);
    }

    /** A destination as MiRTA's row: its id, tenant, type, name and parameters, as strings. */
    static Map<String, Object> mirta(Map<String, Object> destination, Caller caller) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("cu_id", ManagedFields.text(destination.get("id")));
        row.put("cu_te_id", Long.toString(caller.tenantId()));
        row.put("cu_ct_id", ManagedFields.text(destination.get("type")));
        row.put("cu_name", ManagedFields.text(destination.get("name")));
        for (int i = 1; i <= 3; i++) {
            row.put("cu_param" + i, ManagedFields.text(destination.get("param" + i)));
        }
        return row;
    }
}
