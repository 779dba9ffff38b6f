package org.dialplane.phones;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Crud;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Problem;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.Results;
import org.dialplane.phones.api.PhoneChange;
import org.dialplane.phones.api.PhoneService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The phone service: checks (the caller may write, the change follows the rules, its model is registered and has
 * lines enough), then writes in one transaction through the repository. Phones own no PBX configuration, so
 * there is nothing to apply: {@code apply} is accepted and has no effect. Public only because DS instantiates
 * it; its package is not exported.
 */
@Component(service = PhoneService.class)
public class PhoneServiceImpl implements PhoneService {
    /** The length of a provisioning secret: 24 random bytes, base64url (192 bits). */
    static final int SECRET_BYTES = 24;
    static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PhoneRepository repository;
    private final PhoneModels models;
    private final ProvisioningSettings settings;

    @Activate
    public PhoneServiceImpl(@Reference PhoneRepository repository, @Reference PhoneModels models,
            @Reference ProvisioningSettings settings) {
        this.repository = repository;
        this.models = models;
        this.settings = settings;
    }

    @Override
    public Query query(Map<String, List<String>> parameters) {
        return Query.parse(parameters, PhoneFields.FIELDS);
    }

    @Override
    public Results list(Query query, Caller caller) {
        Query shown = visible(query, caller);
        return Crud.list(shown, q -> repository.find(q, caller, settings::provisioningUrl),
                q -> repository.count(q, caller));
    }

    @Override
    public Results get(Ids ids, Query query, Caller caller) {
        Query shown = visible(query, caller);
        return Crud.get(ids, shown, i -> repository.findByIds(i, shown, caller, settings::provisioningUrl),
                PhoneRepository.NOUN);
    }

    @Override
    public PhoneChange change(Map<String, ?> fields, boolean creating) {
        return PhoneFields.validate(JsonBody.of(fields), creating);
    }

    @Override
    public String create(PhoneChange change, boolean apply, Caller caller) {
        caller.requireWriter();
        PhoneChange checked = PhoneFields.checked(change, true);
        checkModel(checked);
        return repository.create(null, checked, newSecret(), caller);
    }

    @Override
    public boolean save(String id, PhoneChange change, boolean apply, Caller caller) {
        caller.requireWriter();
        long number = Long.parseLong(Ids.parseOne(id, PhoneFields.ID));
        return repository.save(number, PhoneFields.checked(change, false), newSecret(), caller, this::checkModel);
    }

    @Override
    public void delete(Ids ids, boolean apply, Caller caller) {
        caller.requireWriter();
        repository.delete(ids, caller);
    }

    @Override
    public String renewProvisioningSecret(String id, Caller caller) {
        caller.requireWriter();
        String secret = newSecret();
        repository.renewSecret(Long.parseLong(Ids.parseOne(id, PhoneFields.ID)), secret, caller);
        return settings.provisioningUrl(secret);
    }

    /** A PUT at a free id creates: then the create's required fields are required. */
    static PhoneChange requireCreatable(PhoneChange change) {
        List<Problem.FieldError> missing = new ArrayList<>();
        if (change.name() == null) {
            missing.add(new Problem.FieldError("name", "is required"));
        }
        if (change.mac() == null) {
            missing.add(new Problem.FieldError("mac", "is required"));
        }
        if (change.model() == null) {
            missing.add(new Problem.FieldError("model", "is required"));
        }
        if (!missing.isEmpty()) {
            throw ApiException.invalid(missing);
        }
        return change;
    }

    /**
     * The model must be registered now, and have lines enough. A phone keeps its model when the model goes; it
     * can then still be renamed, but not given lines until the model is back.
     */
    private void checkModel(PhoneChange change) {
        if (change.model() == null) {
            return;
        }
        KnownModel model = models.get(change.model()).orElseThrow(() -> ApiException.invalid(List.of(
                new Problem.FieldError("model", "no phone model '" + change.model() + "' is registered"))));
        if (change.lines() != null && change.lines().size() > model.lines()) {
            throw ApiException.invalid(List.of(new Problem.FieldError(PhoneFields.LINES,
                    "model " + model.id() + " has at most " + model.lines() + " lines")));
        }
    }

    /** Secrets are shown to read-write callers only: the provisioning URL is one. */
    private static Query visible(Query query, Caller caller) {
        return caller.readOnly() ? query.hidingSecrets() : query;
    }

    static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
