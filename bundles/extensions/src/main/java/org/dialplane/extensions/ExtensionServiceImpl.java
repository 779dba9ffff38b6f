package org.dialplane.extensions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.core.apply.ApplyChanges;
import org.dialplane.core.asterisk.VoicemailConf;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Database;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.notify.AfterCommit;
import org.dialplane.core.pbx.AstDb;
import org.dialplane.core.pbx.AstDbChanges;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Crud;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Problem;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.Results;
import org.dialplane.extensions.api.ExtensionChange;
import org.dialplane.extensions.api.ExtensionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The extension service: checks, writes in one transaction through the repository, then hands the side effects
 * to the notifier. Public only because DS instantiates it; its package is not exported.
 */
@Component(service = ExtensionService.class)
public class ExtensionServiceImpl implements ExtensionService {
    private final ExtensionRepository repository;
    private final ExtensionNotifier notifier;

    @Activate
    public ExtensionServiceImpl(@Reference Database database, @Reference AstDb astDb,
            @Reference ApplyChanges applyChanges, @Reference VoicemailConf voicemail) {
        this.repository = new ExtensionRepository(new Jdbc(database.pbx()), astDb);
        this.notifier = new ExtensionNotifier(new AfterCommit(astDb, applyChanges), voicemail);
    }

    @Override
    public Query query(Map<String, List<String>> parameters) {
        return Query.parse(parameters, ExtensionFields.FIELDS);
    }

    @Override
    public Results list(Query query, Caller caller) {
        Query shown = visible(query, caller);
        return Crud.list(shown, q -> repository.find(q, caller), q -> repository.count(q, caller));
    }

    @Override
    public Results get(Ids ids, Query query, Caller caller) {
        Query shown = visible(query, caller);
        return Crud.get(ids, shown, i -> repository.findByIds(i, shown, caller), ExtensionRepository.KIND);
    }

    @Override
    public ExtensionChange change(Map<String, ?> fields, boolean creating) {
        return ExtensionFields.validate(JsonBody.of(fields), creating);
    }

    @Override
    public String create(ExtensionChange change, boolean apply, Caller caller) {
        caller.requireWriter();
        ExtensionRepository.Saved saved = repository.create(checked(change, true), caller);
        notifier.saved(saved, apply);
        return saved.extension();
    }

    @Override
    public boolean save(String extension, ExtensionChange change, boolean apply, Caller caller) {
        caller.requireWriter();
        ExtensionRepository.Saved saved = repository.save(Ids.parseOne(extension, ExtensionFields.NUMBER),
                checked(change, false), caller);
        notifier.saved(saved, apply);
        return saved.created();
    }

    @Override
    public void delete(Ids ids, boolean apply, Caller caller) {
        caller.requireWriter();
        AstDbChanges astdb = repository.delete(ids, caller);
        notifier.deleted(ids.values(), astdb, apply);
    }

    /** Secrets are shown to read-write callers only. */
    private static Query visible(Query query, Caller caller) {
        return caller.readOnly() ? query.hidingSecrets() : query;
    }

    /**
     * The change checked by the same rules as a request body, whoever built it: its values reach SQL, AstDB and
     * voicemail.conf, where a newline in a name would be another mailbox line.
     */
    private static ExtensionChange checked(ExtensionChange change, boolean creating) {
        Map<String, Object> fields = new LinkedHashMap<>();
        put(fields, "extension", change.extension());
        put(fields, "name", change.name());
        put(fields, "secret", change.secret());
        put(fields, "tech", change.tech());
        put(fields, "ringtimer", change.ringtimer());
        put(fields, "voicemail", change.voicemail());
        fields.putAll(change.recording());
        List<Problem.FieldError> unknown = change.recording().keySet().stream()
                .filter(field -> !ExtensionFields.RECORDING_KEYS.containsKey(field))
                .map(field -> new Problem.FieldError(field, "is not a recording field")).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.invalid(unknown);
        }
        return ExtensionFields.validate(JsonBody.of(fields), creating);
    }

    private static void put(Map<String, Object> fields, String field, Object value) {
        if (value != null) {
            fields.put(field, value);
        }
    }
}
