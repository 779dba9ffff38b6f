package org.dialplane.mirta;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.Query;
import org.dialplane.ringgroups.api.RingGroupService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code MANAGEDB object=HUNTLIST action=list|get|getextensions|setextensions}: the tenant's ring groups (MiRTA's
 * hunt lists) through the ring groups bundle's {@link RingGroupService}; the {@code objectid} is the ring group's
 * number. Rows: {@code hu_id} and {@code hu_number} (the number), {@code hu_te_id}, {@code hu_name},
 * {@code hu_type} (IssabelPBX's strategy, e.g. {@code ringall}), {@code hu_ringtime}. {@code getextensions}
 * answers the JSON array {@code setextensions} takes: {@code EXT-<extension>} and {@code CUSTOM-<cu_id>} (a custom
 * destination dialling an external number).
 */
@Component(service = Reqtype.class)
public class HuntListReqtype implements Reqtype {
    private static final Pattern ID = Pattern.compile("[0-9]{1,10}");
    private static final ManagedFields FIELDS = new ManagedFields("HUNTLIST", "hu", Map.of());

    private final RingGroupService ringGroups;

    @Activate
    public HuntListReqtype(@Reference RingGroupService ringGroups) {
        this.ringGroups = ringGroups;
    }

    @Override
    public String reqtype() {
        return "MANAGEDB";
    }

    @Override
    public String selected() {
        return "HUNTLIST";
    }

    @Override
    public boolean writes(ProxyRequest request) {
        return "SETEXTENSIONS".equals(request.upper("action"));
    }

    @Override
    public String help() {
        return """
                                      huntlist - list, get, getextensions, setextensions (a tenant's ring groups)
                                             objectid - the hunt list's number, for all but list
                                             jsondata - for setextensions: a JSON array of EXT-<extension> and
                                                        CUSTOM-<cu_id> (a custom destination dialling a number)
                """;
    }

    @Override
    public Answer handle(ProxyRequest request, Caller key) {
        String action = FIELDS.action(request, List.of("LIST", "GET", "GETEXTENSIONS", "SETEXTENSIONS"));
        Caller caller = FIELDS.tenantCaller(key);
        Query query = ringGroups.query(ManagedFields.ALL_FIELDS);
        switch (action) {
            case "LIST":
                return new Answer.Document(200, ManagedFields.rows(ringGroups.list(query, caller)).stream()
                        .map(row -> mirta(row, caller)).toList());
            case "GET": {
                String id = FIELDS.objectId(request, null, ID);
                return new Answer.Document(200, mirta(ManagedFields.rows(ringGroups.get(Ids.parse(id, ID), query,
                        caller)).get(0), caller));
            }
            case "GETEXTENSIONS":
                return new Answer.Document(200, ringGroups.members(FIELDS.objectId(request, null, ID), caller));
            default: {
                String id = FIELDS.objectId(request, null, ID);
                JsonNode entries = request.json();
                if (!entries.isArray()) {
                    throw ApiException.badRequest("jsondata must be a JSON array of EXT-<extension> and CUSTOM-<cu_id>"
                            + " entries");
                }
                ringGroups.setMembers(id, ProxyRequest.JSON.convertValue(entries, List.class),
                        !"0".equals(request.get("reload")), caller);
                return Answer.success("Hunt list extensions set", id);
            }
        }
    }

    static Map<String, Object> mirta(Map<String, Object> group, Caller caller) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("hu_id", ManagedFields.text(group.get("id")));
        row.put("hu_number", ManagedFields.text(group.get("extension")));
        row.put("hu_te_id", Long.toString(caller.tenantId()));
        row.put("hu_name", ManagedFields.text(group.get("name")));
        row.put("hu_type", ManagedFields.text(group.get("strategy")));
        row.put("hu_ringtime", ManagedFields.text(group.get("ring_time")));
        return row;
    }
}
