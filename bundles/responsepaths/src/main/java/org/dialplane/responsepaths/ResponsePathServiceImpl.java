package org.dialplane.responsepaths;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.dialplane.core.apply.ApplyChanges;
import org.dialplane.core.asterisk.AsteriskPaths;
import org.dialplane.core.asterisk.DialplanFile;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Database;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.notify.AfterCommit;
import org.dialplane.core.pbx.AstDb;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Crud;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Problem;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.Results;
import org.dialplane.responsepaths.api.ResponsePathChange;
import org.dialplane.responsepaths.api.ResponsePathService;
import org.dialplane.responsepaths.api.Run;
import org.dialplane.responsepaths.api.Step;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The response path service: checks, writes in one transaction through the repository, then hands the dialplan to
 * the notifier; reads the recorded runs. Public only because DS instantiates it; its package is not exported.
 */
@Component(service = ResponsePathService.class)
public class ResponsePathServiceImpl implements ResponsePathService {
    private static final Logger LOG = LoggerFactory.getLogger(ResponsePathServiceImpl.class);

    private final ResponsePathRepository repository;
    private final RunRepository runs;
    private final ResponsePathNotifier notifier;
    private final AsteriskPaths asteriskPaths;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Prompts prompts;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CustomTargets customTargets;

    @Activate
    public ResponsePathServiceImpl(@Reference Database database, @Reference AstDb astDb,
            @Reference ApplyChanges applyChanges, @Reference DialplanFile dialplan,
            @Reference AsteriskPaths asteriskPaths, BundleContext context) {
        database.migrate(context.getBundle());
        Jdbc jdbc = new Jdbc(database.pbx());
        this.repository = new ResponsePathRepository(jdbc);
        this.runs = new RunRepository(jdbc);
        this.asteriskPaths = asteriskPaths;
        this.notifier = new ResponsePathNotifier(new AfterCommit(astDb, applyChanges), dialplan, () -> asteriskPaths,
                new ResponsePathNotifier.Source() {
                    @Override
                    public List<Definition> paths() {
                        return repository.all();
                    }

                    @Override
                    public Map<String, String> sounds(List<Definition> paths) {
                        return promptSounds(jdbc, paths);
                    }
                });
        try {
            notifier.regenerate();
        } catch (RuntimeException e) {
            LOG.error("Response paths: the dialplan could not be written at start: {}", e.toString(), e);
        }
    }

    @Override
    public Query query(Map<String, List<String>> parameters) {
        return Query.parse(parameters, ResponsePathFields.FIELDS);
    }

    @Override
    public Results list(Query query, Caller caller) {
        return Crud.list(query, q -> repository.find(q, caller).stream().map(Definition::shown).toList(),
                q -> repository.count(q, caller));
    }

    @Override
    public Results get(Ids ids, Query query, Caller caller) {
        return Crud.get(ids, query, i -> {
            Map<String, Object> shown = new HashMap<>();
            repository.findByIds(i, caller).forEach((id, path) -> shown.put(id, path.shown()));
            return shown;
        }, ResponsePathRepository.NOUN);
    }

    @Override
    public ResponsePathChange change(Map<String, ?> fields, boolean creating) {
        return ResponsePathFields.validate(JsonBody.of(fields), creating);
    }

    @Override
    public String create(ResponsePathChange change, boolean apply, Caller caller) {
        caller.requireWriter();
        requirePrompts(change, caller);
        requireCustomTarget(change, caller);
        long id = repository.create(null, change, caller);
        notifier.written(Long.toString(id), apply);
        return Long.toString(id);
    }

    @Override
    public boolean save(String number, ResponsePathChange change, boolean apply, Caller caller) {
        caller.requireWriter();
        long id = Long.parseLong(Ids.parseOne(number, ResponsePathFields.NUMBER));
        requirePrompts(change, caller);
        requireCustomTarget(change, caller);
        boolean created = repository.save(id, change, caller);
        notifier.written(number, apply);
        return created;
    }

    @Override
    public void delete(Ids ids, boolean apply, Caller caller) {
        caller.requireWriter();
        repository.delete(ids, caller);
        notifier.written(ids.size() > 5 ? ids.size() + " deleted" : String.join(",", ids.values()), apply);
    }

    @Override
    public Query runsQuery(Map<String, List<String>> parameters) {
        return Query.parse(parameters, ResponsePathFields.RUN_FIELDS);
    }

    @Override
    public Results runs(String pathId, Query query, Caller caller) {
        Definition path = path(pathId, caller);
        List<Map<String, Object>> shown = runs.page(path, query).stream().map(run -> query.project(run.asMap()))
                .toList();
        return query.paginated() ? Results.page(shown, runs.count(path)) : Results.of(shown);
    }

    @Override
    public Run last(String pathId, String filter, String filterData, Caller caller) {
        String type = filter == null || filter.isBlank() ? null : filter.trim().toUpperCase(Locale.ROOT);
        if (type != null) {
            if (!FILTERS.contains(type)) {
                throw ApiException.badRequest("filter: must be one of " + String.join(", ", FILTERS) + ", not '"
                        + filter + "'");
            }
        }
        String data = filterData == null || filterData.isBlank() ? null : filterData.trim();
        if (data != null && type == null) {
            throw ApiException.badRequest("filterdata: needs a filter (one of " + String.join(", ", FILTERS) + ")");
        }
        Definition path = path(pathId, caller);
        return runs.last(path, type, data).orElseThrow(() -> ApiException.notFound("Response path " + pathId
                + " has no run" + (type == null ? "" : " with " + type + (data == null ? "" : " " + data)) + " yet"));
    }

    @Override
    public Path voiceFile(String pathId, String objectId, Caller caller) {
        Definition path = path(pathId, caller);
        long runId = Long.parseLong(Ids.parseOne(objectId, Ids.NUMERIC));
        String name = runs.run(path, runId).flatMap(run -> run.steps().stream()
                .filter(step -> Step.VOICEFILE.equals(step.type())).reduce((first, second) -> second))
                .map(Step::value).orElseThrow(() -> ApiException.notFound("Response path " + pathId
                        + " has no voice file " + objectId));
        return VoiceFiles.find(ResponsePathNotifier.voiceRoot(asteriskPaths), path.id(), name)
                .orElseThrow(() -> ApiException.notFound("The voice file " + objectId + " of response path " + pathId
                        + " is not on disk"));
    }

    private Definition path(String pathId, Caller caller) {
        Ids ids = Ids.parse(pathId, ResponsePathFields.NUMBER);
        if (ids.size() != 1) {
            throw ApiException.badRequest("One response path id, not '" + pathId + "'");
        }
        Definition path = repository.findByIds(ids, caller).get(ids.values().get(0));
        if (path == null) {
            throw ApiException.notFound("No " + ResponsePathRepository.NOUN + " " + pathId);
        }
        return path;
    }

    /** A custom destination given by id is one of the caller's tenant's, checked through its bundle. */
    private void requireCustomTarget(ResponsePathChange change, Caller caller) {
        if (change.destination() == null || !Destinations.dialplanes(change.destination())) {
            return;
        }
        CustomTargets check = customTargets;
        if (check == null) {
            throw ApiException.unavailable("The custom destinations bundle is not running: a response path that"
                    + " ends in one of its destinations cannot be checked now.", 30);
        }
        if (!check.usable(Long.parseLong(change.destination().id()), caller)) {
            throw ApiException.invalid(List.of(new Problem.FieldError("destination.id", "no custom destination "
                    + change.destination().id() + (caller.global() ? "" : " of this tenant"))));
        }
    }

    /** Prompts are media files of the caller's tenant, checked through the media bundle. */
    private void requirePrompts(ResponsePathChange change, Caller caller) {
        if (change.prompts() == null || change.prompts().isEmpty()) {
            return;
        }
        Prompts check = prompts;
        if (check == null) {
            throw ApiException.unavailable("Prompts are media files, and the media bundle is not running:"
                    + " a response path with prompts cannot be checked now.", 30);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int index : check.unusable(change.prompts(), caller)) {
            errors.add(new Problem.FieldError("prompts[" + index + "]", "no media file " + change.prompts().get(index)
                    + (caller.global() ? "" : " of this tenant")));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    /** The sound name of every media file the paths play, as IssabelPBX stores it ({@code recordings.filename}). */
    private static Map<String, String> promptSounds(Jdbc jdbc, List<Definition> paths) {
        Set<String> ids = new LinkedHashSet<>();
        paths.forEach(path -> ids.addAll(path.prompts()));
        Map<String, String> sounds = new HashMap<>();
        if (ids.isEmpty()) {
            return sounds;
        }
        jdbc.run(connection -> Jdbc.rows(connection, SqlFragment.of(
                "SELECT id, CAST(filename AS CHAR) AS filename FROM recordings WHERE ").append(SqlFragment.in("id",
                        List.copyOf(ids))))).forEach(row -> sounds.put((String) row.get("id"),
                                (String) row.get("filename")));
        return sounds;
    }
}
