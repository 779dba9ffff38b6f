package org.dialplane.ringgroups;

import java.util.List;
import java.util.Map;

import org.dialplane.core.apply.ApplyChanges;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Database;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.notify.AfterCommit;
import org.dialplane.core.pbx.AstDb;
import org.dialplane.core.pbx.AstDbChanges;
import org.dialplane.core.rest.Crud;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.Results;
import org.dialplane.ringgroups.api.RingGroupChange;
import org.dialplane.ringgroups.api.RingGroupService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The ring group service: checks, writes in one transaction through the repository, then hands the side effects
 * to the notifier. Public only because DS instantiates it; its package is not exported.
 */
@Component(service = RingGroupService.class)
public class RingGroupServiceImpl implements RingGroupService {
    private final RingGroupRepository repository;
    private final RingGroupNotifier notifier;
    /** Present while the custom destinations bundle is: hunt lists' CUSTOM- entries need it, EXT- ones do not. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CustomMembers customMembers;

    @Activate
    public RingGroupServiceImpl(@Reference Database database, @Reference AstDb astDb,
            @Reference ApplyChanges applyChanges) {
        this.repository = new RingGroupRepository(new Jdbc(database.pbx()), astDb);
        this.notifier = new RingGroupNotifier(new AfterCommit(astDb, applyChanges));
    }

    @Override
    public Query query(Map<String, List<String>> parameters) {
        return Query.parse(parameters, RingGroupFields.FIELDS);
    }

    @Override
    public Results list(Query query, Caller caller) {
        return Crud.list(query, q -> repository.find(q, caller), q -> repository.count(q, caller));
    }

    @Override
    public Results get(Ids ids, Query query, Caller caller) {
        return Crud.get(ids, query, i -> repository.findByIds(i, query, caller), RingGroupRepository.NOUN);
    }

    @Override
    public RingGroupChange change(Map<String, ?> fields, boolean creating) {
        return RingGroupFields.validate(JsonBody.of(fields), creating);
    }

    @Override
    public String create(RingGroupChange change, boolean apply, Caller caller) {
        caller.requireWriter();
        RingGroupRepository.Saved saved = repository.create(known(change), customMembers, caller);
        notifier.saved(saved, apply);
        return saved.extension();
    }

    @Override
    public boolean save(String extension, RingGroupChange change, boolean apply, Caller caller) {
        caller.requireWriter();
        RingGroupRepository.Saved saved = repository.save(Ids.parseOne(extension, RingGroupFields.NUMBER),
                known(change), customMembers, caller);
        notifier.saved(saved, apply);
        return saved.created();
    }

    @Override
    public void delete(Ids ids, boolean apply, Caller caller) {
        caller.requireWriter();
        AstDbChanges astdb = repository.delete(ids, caller);
        notifier.deleted(ids.values(), astdb, apply);
    }

    @Override
    public List<String> members(String extension, Caller caller) {
        return repository.members(Ids.parseOne(extension, RingGroupFields.NUMBER), customMembers, caller);
    }

    @Override
    public void setMembers(String extension, List<?> entries, boolean apply, Caller caller) {
        caller.requireWriter();
        String number = Ids.parseOne(extension, RingGroupFields.NUMBER);
        repository.setMembers(number, entries, customMembers, caller);
        notifier.saved(new RingGroupRepository.Saved(number, false, new AstDbChanges()), apply);
    }

    /** A change built by hand rather than by {@link #change} must still name only real columns and keys. */
    private static RingGroupChange known(RingGroupChange change) {
        if (!IssabelRingGroup.isKnown(change)) {
            throw new IllegalArgumentException("Not ring group columns or keys: " + change.columns().keySet() + " "
                    + change.callerId().keySet() + "; build the change with RingGroupService.change");
        }
        return change;
    }
}
