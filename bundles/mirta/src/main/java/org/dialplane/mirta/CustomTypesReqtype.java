package org.dialplane.mirta;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.Ids;
import org.dialplane.customdestinations.api.CustomTypeService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code MANAGEDB object=CUSTOMTYPES action=list|get}: the custom destination types through the custom destinations
 * bundle's {@link CustomTypeService}, for every key (types are the installation's; writing them stays with
 * {@code /pbxapi/customtypes}, global callers only). Rows: {@code ct_id}, {@code ct_name}, {@code ct_description}
 * as MiRTA names them; Dialplane's templates and parameter kinds are not MiRTA fields (they are on the REST
 * endpoint). {@code cu_ct_id} of a custom destination is a {@code ct_id}.
 */
@Component(service = Reqtype.class)
public class CustomTypesReqtype implements Reqtype {
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,8}");
    private static final ManagedFields FIELDS = new ManagedFields("CUSTOMTYPES", "ct", Map.of());

    private final CustomTypeService types;

    @Activate
    public CustomTypesReqtype(@Reference CustomTypeService types) {
        this.types = types;
    }

    @Override
    public String reqtype() {
        return "MANAGEDB";
    }

    @Override
    public String selected() {
        return "CUSTOMTYPE";
    }

    @Override
    public boolean writes(ProxyRequest request) {
        return false;
    }

    @Override
    public String help() {
        return """
                                      customtypes - list, get (ct_id, ct_name, ct_description)
                                             objectid - the type's ct_id, for get
                """;
    }

    @Override
    public Answer handle(ProxyRequest request, Caller caller) {
        String action = FIELDS.action(request, List.of("LIST", "GET"));
        var query = types.query(ManagedFields.ALL_FIELDS);
        if (action.equals("LIST")) {
            return new Answer.Document(200, ManagedFields.rows(types.list(query, caller)).stream()
                    .map(CustomTypesReqtype::mirta).toList());
        }
        String id = FIELDS.objectId(request, null, ID);
        return new Answer.Document(200, mirta(ManagedFields.rows(types.get(Ids.parse(id, ID), query, caller)).get(0)));
    }

    static Map<String, Object> mirta(Map<String, Object> type) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ct_id", ManagedFields.text(type.get("id")));
        row.put("ct_name", ManagedFields.text(type.get("name")));
        row.put("ct_description", ManagedFields.text(type.get("description")));
        return row;
    }
}
