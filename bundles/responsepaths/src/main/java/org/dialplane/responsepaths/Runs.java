package org.dialplane.responsepaths;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.dialplane.core.auth.Tenant;
import org.dialplane.core.auth.Tenants;
import org.dialplane.responsepaths.api.Run;
import org.dialplane.responsepaths.api.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what AMI said ({@link Observed}) into stored steps, on the recorder's writer thread: a path's own event
 * opens its run (if new) and adds its step; QUEUE, ANSWER and HANGUP go to the call's open runs. Each step gets
 * the names a reader wants beside its ids (the variable's, the queue's, the agent's); an ANSWER's value becomes
 * {@code <extension>-<TENANT>}; a VOICEFILE's type id becomes the run's id (the voice file's id). A HANGUP ends
 * the run and, once, announces it.
 */
final class Runs {
    private static final Logger LOG = LoggerFactory.getLogger(Runs.class);
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final RunRepository repository;
    private final Tenants tenants;
    private final Supplier<RunCompletion> completion;
    private final Clock clock;

    Runs(RunRepository repository, Tenants tenants, Supplier<RunCompletion> completion, Clock clock) {
        this.repository = repository;
        this.tenants = tenants;
        this.completion = completion;
        this.clock = clock;
    }

    void record(Observed observed) {
        Instant now = clock.instant();
        List<RunRepository.RunRef> targets = observed.pathId() != null
                ? repository.openRun(observed.pathId(), observed.uniqueId(), now).stream().toList()
                : repository.openRuns(observed.uniqueId());
        for (RunRepository.RunRef run : targets) {
            repository.addStep(run.id(), step(observed, run, now));
            if (Step.HANGUP.equals(observed.type()) && repository.end(run.id(), now)) {
                announce(run);
            }
        }
    }

    private Step step(Observed observed, RunRepository.RunRef run, Instant now) {
        String typeId = observed.typeId();
        String value = observed.value();
        String typeName = "";
        String valueName = "";
        switch (observed.type()) {
            case Step.START -> value = value.isEmpty() ? START.format(now.atZone(ZoneId.systemDefault())) : value;
            case Step.VARIABLE -> typeName = repository.name("SELECT name FROM dp_responsepath_variables"
                    + " WHERE id = ? AND path_id = ?", typeId, run.pathId());
            case Step.QUEUE -> typeName = repository.name("SELECT descr FROM queues_config WHERE extension = ?",
                    typeId);
            case Step.VOICEFILE -> typeId = Long.toString(run.id());
            case Step.ANSWER -> {
                if (observed.pathId() == null) {
                    String extension = value;
                    value = extension + "-" + tenants.byId(run.tenantId()).map(Tenant::code).orElse("");
                    valueName = !observed.name().isEmpty() ? observed.name()
                            : repository.name("SELECT name FROM users WHERE extension = ?", extension);
                }
            }
            default -> {
                // CALLERID and HANGUP are stored as heard
            }
        }
        return new Step(observed.type(), typeId, value, typeName, valueName, now);
    }

    private void announce(RunRepository.RunRef ref) {
        RunCompletion listener = completion.get();
        if (listener == null) {
            return;
        }
        try {
            Optional<Run> run = repository.run(ref.pathId(), ref.id());
            String name = repository.name("SELECT name FROM dp_responsepath_paths WHERE id = ?", ref.pathId());
            run.ifPresent(r -> listener.completed(r, ref.tenantId(), name));
        } catch (RuntimeException e) {
            LOG.warn("Response paths: the end of run {} was not announced: {}", ref.id(), e.toString());
        }
    }
}
