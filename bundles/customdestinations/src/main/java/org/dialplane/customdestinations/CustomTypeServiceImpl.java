package org.dialplane.customdestinations;

import java.util.List;
import java.util.Map;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.Crud;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.Results;
import org.dialplane.customdestinations.api.CustomTypeChange;
import org.dialplane.customdestinations.api.CustomTypeService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The custom type service: every caller reads, global writers write; a write regenerates the dialplan (a
 * template may have changed under existing destinations). Public only because DS instantiates it.
 */
@Component(service = CustomTypeService.class)
public class CustomTypeServiceImpl implements CustomTypeService {
    private final CustomTypeRepository repository;
    private final CustomDialplanWriter writer;

    @Activate
    public CustomTypeServiceImpl(@Reference CustomDialplanWriter writer) {
        this.writer = writer;
        this.repository = new CustomTypeRepository(writer.db());
    }

    @Override
    public Query query(Map<String, List<String>> parameters) {
        return Query.parse(parameters, CustomTypeFields.FIELDS);
    }

    @Override
    public Results list(Query query, Caller caller) {
        return Crud.list(query, repository::find, repository::count);
    }

    @Override
    public Results get(Ids ids, Query query, Caller caller) {
        return Crud.get(ids, query, i -> repository.findByIds(i, query), CustomTypeRepository.NOUN);
    }

    @Override
    public CustomTypeChange change(Map<String, ?> fields, boolean creating) {
        return CustomTypeFields.validate(JsonBody.of(fields), creating);
    }

    @Override
    public String create(CustomTypeChange change, boolean apply, Caller caller) {
        requireGlobalWriter(caller);
        long id = repository.create(change);
        writer.written("custom types: " + id, apply);
        return Long.toString(id);
    }

    @Override
    public boolean save(String id, CustomTypeChange change, boolean apply, Caller caller) {
        requireGlobalWriter(caller);
        boolean created = repository.save(Long.parseLong(Ids.parseOne(id, CustomDestinationFields.ID)), change);
        writer.written("custom types: " + id, apply);
        return created;
    }

    @Override
    public void delete(Ids ids, boolean apply, Caller caller) {
        requireGlobalWriter(caller);
        repository.delete(ids);
        writer.written("custom types: " + String.join(",", ids.values()), apply);
    }

    private static void requireGlobalWriter(Caller caller) {
        caller.requireWriter();
        caller.requireGlobal();
    }
}
