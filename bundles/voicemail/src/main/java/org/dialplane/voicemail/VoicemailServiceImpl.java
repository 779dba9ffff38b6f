package org.dialplane.voicemail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dialplane.core.apply.ApplyChanges;
import org.dialplane.core.asterisk.AsteriskPaths;
import org.dialplane.core.asterisk.Mailbox;
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
import org.dialplane.voicemail.api.MailboxChange;
import org.dialplane.voicemail.api.VoicemailService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The mailbox service: checks, writes voicemail.conf and the extension's row in one transaction through the
 * repository, then hands the side effects to the notifier. Public only because DS instantiates it; its package is
 * not exported.
 */
@Component(service = VoicemailService.class)
public class VoicemailServiceImpl implements VoicemailService {
    private final MailboxRepository repository;
    private final VoicemailSpool spool;
    private final VoicemailNotifier notifier;

    @Activate
    public VoicemailServiceImpl(@Reference Database database, @Reference AstDb astDb,
            @Reference ApplyChanges applyChanges, @Reference VoicemailConf conf, @Reference AsteriskPaths paths) {
        this.repository = new MailboxRepository(new Jdbc(database.pbx()), astDb, conf);
        this.spool = new VoicemailSpool(paths);
        this.notifier = new VoicemailNotifier(new AfterCommit(astDb, applyChanges));
    }

    @Override
    public Query query(Map<String, List<String>> parameters) {
        return Query.parse(parameters, VoicemailFields.FIELDS);
    }

    @Override
    public Results list(Query query, Caller caller) {
        return MailboxList.list(repository.visible(caller), shown(query, caller), spool::counts);
    }

    @Override
    public Results get(Ids ids, Query query, Caller caller) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        for (String number : ids) {
            Optional<Mailbox> mailbox = repository.find(number, caller);
            mailbox.ifPresent(m -> found.put(number, MailboxList.withCounts(MailboxList.row(m), spool.counts(m))));
        }
        return Crud.get(ids, shown(query, caller), i -> found, MailboxRepository.NOUN);
    }

    @Override
    public MailboxChange change(Map<String, ?> fields, boolean creating) {
        return VoicemailFields.validate(JsonBody.of(fields), creating);
    }

    @Override
    public String create(MailboxChange change, boolean apply, Caller caller) {
        caller.requireWriter();
        MailboxRepository.Saved saved = repository.create(checked(change, true), caller);
        notifier.saved(saved, apply);
        return saved.mailbox().number();
    }

    @Override
    public boolean save(String number, MailboxChange change, boolean apply, Caller caller) {
        caller.requireWriter();
        String mailbox = Ids.parseOne(number, VoicemailFields.NUMBER);
        MailboxRepository.Saved saved = repository.save(mailbox, checked(change.withMailbox(null), false), caller);
        notifier.saved(saved, apply);
        return saved.created();
    }

    @Override
    public void delete(Ids ids, boolean apply, Caller caller) {
        caller.requireWriter();
        AstDbChanges astdb = repository.delete(ids, caller);
        notifier.deleted(ids.values(), astdb, apply);
    }

    /** A read-only caller is not shown the PIN. */
    private static Query shown(Query query, Caller caller) {
        return caller.readOnly() ? query.hidingSecrets() : query;
    }

    /**
     * A change is checked as a body is, also one an in-process caller built with its constructor: its values are
     * written into voicemail.conf, where a comma or a line break would be another field or another mailbox.
     */
    private static MailboxChange checked(MailboxChange change, boolean creating) {
        for (String option : change.options().keySet()) {
            if (!VoicemailFields.OPTIONS.contains(option)) {
                throw ApiException.invalid(List.of(new Problem.FieldError(option, "is not a mailbox option; known: "
                        + String.join(", ", VoicemailFields.OPTIONS))));
            }
        }
        MailboxChange valid = VoicemailFields.validate(VoicemailFields.asBody(change), creating);
        return change.mailbox() == null ? valid : valid.withMailbox(change.mailbox());
    }
}
