package org.dialplane.mirta;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.Tenant;
import org.dialplane.core.auth.TenantAdmin;
import org.dialplane.core.rest.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code MANAGEDB object=TENANT action=list|get|add|update|delete}: the installation's tenants through core's
 * {@link TenantAdmin}, for global keys only (a tenant key gets 403, as on {@code /pbxapi/tenants}). Reads answer
 * JSON rows of MiRTA's fields ({@link TenantFields}); writes take {@code jsondata} and answer
 * {@code Success|Tenant added|<te_id>|}.
 */
@Component(service = Reqtype.class)
public class TenantReqtype implements Reqtype {
    private static final Set<String> WRITES = Set.of("ADD", "UPDATE", "DELETE");
    private static final Pattern OBJECT_ID = Pattern.compile("[0-9]{1,18}|[A-Za-z][A-Za-z0-9_-]{0,31}");

    private final TenantAdmin tenants;

    @Activate
    public TenantReqtype(@Reference TenantAdmin tenants) {
        this.tenants = tenants;
    }

    @Override
    public String reqtype() {
        return "MANAGEDB";
    }

    @Override
    public String selected() {
        return "TENANT";
    }

    @Override
    public boolean tenantScoped() {
        return false;
    }

    @Override
    public boolean writes(ProxyRequest request) {
        return WRITES.contains(request.upper("action"));
    }

    @Override
    public String help() {
        return """
                                      tenant - list, get, add, update, delete (global API key only)
                                             objectid - the tenant's te_id (or te_code), for get, update and delete
                                             jsondata - for add and update: te_code, te_name, te_enabled
                                                        (pk_start, pk_end are checked, not kept)
                """;
    }

    @Override
    public Answer handle(ProxyRequest request, Caller caller) {
        String action = request.upper("action");
        if (action == null) {
            throw ApiException.badRequest("Missing parameter action for object TENANT; one of list, get, add, update,"
                    + " delete");
        }
        try {
            return switch (action) {
                case "LIST" -> new Answer.Document(200, tenants.list(caller).stream().map(TenantFields::mirta).toList());
                case "GET" -> new Answer.Document(200, TenantFields.mirta(tenants.get(objectId(request, null), caller)));
                case "ADD" -> add(request, caller);
                case "UPDATE" -> update(request, caller);
                case "DELETE" -> {
                    String id = objectId(request, null);
                    tenants.delete(id, caller);
                    yield Answer.success("Tenant deleted", id);
                }
                default -> throw ApiException.badRequest("Unknown action '" + Answer.oneLine(request.get("action"))
                        + "' for object TENANT; one of list, get, add, update, delete");
            };
        } catch (ApiException e) {
            throw TenantFields.renamed(e);
        }
    }

    private Answer add(ProxyRequest request, Caller caller) {
        TenantFields.Change change = TenantFields.change(request.jsonObject(), null);
        Tenant tenant = tenants.create(change.fields(), caller);
        return Answer.success(201, message("Tenant added", change), Long.toString(tenant.id()));
    }

    private Answer update(ProxyRequest request, Caller caller) {
        Map<String, Object> fields = request.jsonObject();
        String id = objectId(request, fields.get("te_id"));
        TenantFields.Change change = TenantFields.change(fields, request.get("objectid"));
        Tenant tenant = tenants.update(id, change.fields(), caller);
        return Answer.success(message("Tenant updated", change), Long.toString(tenant.id()));
    }

    /** {@code objectid}, or the {@code te_id} of the jsondata when there is none. */
    private static String objectId(ProxyRequest request, Object teId) {
        String id = request.get("objectid");
        if (id == null && teId != null) {
            id = String.valueOf(teId);
        }
        if (id == null) {
            throw ApiException.badRequest("Missing parameter objectid: the tenant's te_id");
        }
        if (!OBJECT_ID.matcher(id).matches()) {
            throw ApiException.badRequest("Invalid objectid '" + Answer.oneLine(id) + "': a te_id or a te_code");
        }
        return id;
    }

    private static String message(String done, TenantFields.Change change) {
        return change.ignored().isEmpty() ? done
                : done + "; not kept (no Dialplane equivalent): " + String.join(", ", change.ignored());
    }
}
