package org.dialplane.mirta;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.Problem;
import org.dialplane.core.rest.Query;
import org.dialplane.phones.api.PhoneModel;
import org.dialplane.phones.api.PhoneService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code MANAGEDB object=PHONE action=list|get|add|update}: the tenant's phones through the phones bundle's
 * {@link PhoneService}. MiRTA's {@code ph_name} and {@code ph_mac} are its {@code name} and {@code mac};
 * {@code ph_pm_id}, MiRTA's numeric model id, is a model's number ({@link PhoneModelNumbers}); rows add
 * {@code ph_model}, the Dialplane model id, beside it. MiRTA's other fields ({@code ph_password},
 * {@code ph_filename}, {@code ph_line1_ex_id}...) are not kept (Dialplane provisions through a secret URL and
 * sets lines on {@code /pbxapi/phones}), and the answer says so.
 */
@Component(service = Reqtype.class)
public class PhoneReqtype implements Reqtype {
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");
    private static final Set<String> WRITES = Set.of("ADD", "UPDATE");
    private static final String PM_ID = "ph_pm_id";
    private static final ManagedFields FIELDS = new ManagedFields("PHONE", "ph", Map.of("ph_name", "name",
            "ph_mac", "mac", PM_ID, "model"));

    private final PhoneService phones;

    /** The registered models, for their numbers; replaced as they come and go. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<PhoneModel> models;

    @Activate
    public PhoneReqtype(@Reference PhoneService phones) {
        this.phones = phones;
    }

    @Override
    public String reqtype() {
        return "MANAGEDB";
    }

    @Override
    public String selected() {
        return "PHONE";
    }

    @Override
    public boolean writes(ProxyRequest request) {
        return WRITES.contains(request.upper("action"));
    }

    @Override
    public String help() {
        return """
                                      phone - list, get, add, update (a tenant's phones)
                                             objectid - the phone's ph_id, for get and update
                                             jsondata - for add and update: ph_name, ph_mac, ph_pm_id (the model's
                                                        number: %s)
                """.formatted(PhoneModelNumbers.describe(modelIds()));
    }

    @Override
    public Answer handle(ProxyRequest request, Caller key) {
        String action = FIELDS.action(request, List.of("LIST", "GET", "ADD", "UPDATE"));
        Caller caller = FIELDS.tenantCaller(key);
        Query query = phones.query(ManagedFields.ALL_FIELDS);
        try {
            switch (action) {
                case "LIST":
                    return new Answer.Document(200, ManagedFields.rows(phones.list(query, caller)).stream()
                            .map(row -> mirta(row, caller)).toList());
                case "GET":
                    return new Answer.Document(200, mirta(get(FIELDS.objectId(request, null, ID), query, caller),
                            caller));
                case "ADD": {
                    ManagedFields.Change change = FIELDS.change(request.jsonObject(), null, caller);
                    String id = phones.create(phones.change(model(change.fields()), true), false, caller);
                    return Answer.success(201, change.message("Phone added"), id);
                }
                default: {
                    Map<String, Object> jsondata = request.jsonObject();
                    String id = FIELDS.objectId(request, jsondata, ID);
                    ManagedFields.Change change = FIELDS.change(jsondata, id, caller);
                    get(id, query, caller); // MiRTA's update changes what exists: 404, never a create
                    phones.save(id, phones.change(model(change.fields()), false), false, caller);
                    return Answer.success(change.message("Phone updated"), id);
                }
            }
        } catch (ApiException e) {
            throw FIELDS.renamed(e);
        }
    }

    private Map<String, Object> get(String id, Query query, Caller caller) {
        return ManagedFields.rows(phones.get(Ids.parse(id, ID), query, caller)).get(0);
    }

    /** The fields with {@code model} turned from MiRTA's number into the model's id; 422 for an unknown number. */
    private Map<String, Object> model(Map<String, Object> fields) {
        if (!fields.containsKey("model")) {
            return fields;
        }
        Object number = fields.get("model");
        String text = number == null ? "" : String.valueOf(number);
        List<String> ids = modelIds();
        String model = NUMBER.matcher(text).matches()
                ? PhoneModelNumbers.model(Long.parseLong(text), ids).orElse(null) : null;
        if (model == null) {
            throw ApiException.invalid(List.of(new Problem.FieldError(PM_ID, "must be the number of a phone model: "
                    + PhoneModelNumbers.describe(ids))));
        }
        Map<String, Object> changed = new LinkedHashMap<>(fields);
        changed.put("model", model);
        return changed;
    }

    private List<String> modelIds() {
        List<PhoneModel> current = models;
        return current == null ? List.of() : current.stream().map(PhoneModel::id).toList();
    }

    /** A phone as MiRTA's row, its model as a number and, beside it, as Dialplane's id. */
    private Map<String, Object> mirta(Map<String, Object> phone, Caller caller) {
        String model = ManagedFields.text(phone.get("model"));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ph_id", ManagedFields.text(phone.get("id")));
        row.put("ph_te_id", Long.toString(caller.tenantId()));
        row.put("ph_name", ManagedFields.text(phone.get("name")));
        row.put("ph_mac", ManagedFields.text(phone.get("mac")));
        row.put(PM_ID, model == null ? null
                : PhoneModelNumbers.number(model, modelIds()).map(String::valueOf).orElse(null));
        row.put("ph_model", model);
        return row;
    }
}
