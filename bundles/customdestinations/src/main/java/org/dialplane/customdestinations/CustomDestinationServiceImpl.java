package org.dialplane.customdestinations;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.Crud;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.Results;
import org.dialplane.customdestinations.api.CustomDestination;
import org.dialplane.customdestinations.api.CustomDestinationChange;
import org.dialplane.customdestinations.api.CustomDestinationService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The custom destination service: checks the caller may write, writes in one transaction through the repository
 * (which checks the values against the type), then regenerates the dialplan and requests the apply. Public only
 * because DS instantiates it.
 */
@Component(service = CustomDestinationService.class)
public class CustomDestinationServiceImpl implements CustomDestinationService {
    private final CustomDestinationRepository repository;
    private final CustomDialplanWriter writer;

    @Activate
    public CustomDestinationServiceImpl(@Reference CustomDialplanWriter writer) {
        this.writer = writer;
        this.repository = new CustomDestinationRepository(writer.db());
    }

    @Override
    public Query query(Map<String, List<String>> parameters) {
        return Query.parse(parameters, CustomDestinationFields.FIELDS);
    }

    @Override
    public Results list(Query query, Caller caller) {
        return Crud.list(query, q -> repository.find(q, caller), q -> repository.count(q, caller));
    }

    @Override
    public Results get(Ids ids, Query query, Caller caller) {
        return Crud.get(ids, query, i -> repository.findByIds(i, query, caller), CustomDestinationRepository.NOUN);
    }

    @Override
    public CustomDestinationChange change(Map<String, ?> fields, boolean creating) {
        return CustomDestinationFields.validate(JsonBody.of(fields), creating);
    }

    @Override
    public String create(CustomDestinationChange change, boolean apply, Caller caller) {
        caller.requireWriter();
        long id = repository.create(change, caller);
        writer.written("custom destinations: " + id, apply);
        return Long.toString(id);
    }

    @Override
    public boolean save(String id, CustomDestinationChange change, boolean apply, Caller caller) {
        caller.requireWriter();
        boolean created = repository.save(Long.parseLong(Ids.parseOne(id, CustomDestinationFields.ID)), change, caller);
        writer.written("custom destinations: " + id, apply);
        return created;
    }

    @Override
    public void delete(Ids ids, boolean apply, Caller caller) {
        caller.requireWriter();
        repository.delete(ids, caller);
        writer.written("custom destinations: " + String.join(",", ids.values()), apply);
    }

    @Override
    public Optional<CustomDestination> find(long id, long tenantId) {
        return repository.find(id, tenantId);
    }

    @Override
    public Optional<CustomDestination> findExternalNumber(String number, long tenantId) {
        return repository.findExternalNumber(number, tenantId);
    }
}
