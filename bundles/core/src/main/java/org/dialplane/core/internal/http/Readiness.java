package org.dialplane.core.internal.http;

import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.dialplane.core.ami.Ami;
import org.dialplane.core.auth.Authentication;
import org.dialplane.core.internal.db.DatabaseStatus;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;
import org.osgi.service.jakartars.runtime.dto.ApplicationDTO;
import org.osgi.service.jakartars.runtime.dto.BaseDTO;
import org.osgi.service.jakartars.runtime.dto.RuntimeDTO;

/**
 * Whether the API can do its work: {@code starting} until, once, the database is usable, every bundle the launcher
 * installed from the features is active and the REST application serves every resource and extension registered
 * (the auth filter and login among them); then {@code up}, or {@code degraded} while the database or one of those
 * bundles is down. AMI is optional (an installation without a PBX attached is fine), so it never degrades.
 * <p>
 * "The bundles of the features" are the locations the launcher lists in {@value #BUNDLES_PROPERTY}, known by their
 * symbolic names once seen (the same bundle dropped in deploy/ again counts); other bundles dropped in deploy/ are
 * not among them, so a vendor bundle that fails to resolve shows in
 * {@code /pbxapi/system/bundles} but does not hold the API back or degrade it. Without the property (a container
 * not started by the launcher), every bundle below the deploy start level counts.
 */
@Component(service = Readiness.class)
public class Readiness {
    /** Framework property: comma-separated locations of the bundles installed from the features. */
    public static final String BUNDLES_PROPERTY = "dialplane.bundles";
    static final String STARTING = "starting";
    static final String UP = "up";
    static final String DEGRADED = "degraded";
    private static final int DEPLOY_START_LEVEL = 80;
    /** Once up, health is evaluated at most this often: it is polled, and load-tested. */
    private static final long CACHE_NANOS = 200_000_000L;
    private static final String LOGIN = "dialplane.authenticate";

    /** The state and what keeps it from being up (empty when up). */
    record State(String status, List<String> problems) {
        boolean up() {
            return problems.isEmpty();
        }
    }

    private final BundleContext context;
    private final DatabaseStatus database;
    private final Set<String> expectedLocations;
    /** Core's version: a bundle update reactivates this component with the new one. */
    private final String version;
    /**
     * The symbolic name of the bundle first seen at each expected location: a feature's bundle that an operator
     * removes and drops into deploy/ again has another location, and is the same bundle.
     */
    private final Map<String, String> expectedNames = new ConcurrentHashMap<>();
    private static final long STARTING_CACHE_NANOS = 10_000_000L;
    /** Looked up once: finding a platform MXBean searches the platform's components each time (health's CPU). */
    private static final RuntimeMXBean RUNTIME = ManagementFactory.getRuntimeMXBean();
    private volatile boolean started;
    private State startingCache; // guarded by this
    private long startingCachedAt; // guarded by this
    private volatile State cached;
    private volatile long cachedAt;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Ami ami;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile JakartarsServiceRuntime rest;

    @Activate
    public Readiness(BundleContext context, @Reference DatabaseStatus database) {
        this.context = context;
        this.database = database;
        this.version = context.getBundle().getVersion().toString();
        String locations = context.getProperty(BUNDLES_PROPERTY);
        expectedLocations = locations == null || locations.isBlank() ? null
                : new HashSet<>(Arrays.asList(locations.trim().split("\\s*,\\s*")));
    }

    /** True once the API has been ready; from then on requests pass, and health says up or degraded. */
    boolean started() {
        if (started) {
            return true;
        }
        synchronized (this) {
            if (!started && startingState().up()) {
                started = true;
            }
            return started;
        }
    }

    State state() {
        if (!started()) {
            return startingState();
        }
        long now = System.nanoTime();
        State current = cached;
        if (current == null || now - cachedAt > CACHE_NANOS) {
            current = evaluate();
            cached = current;
            cachedAt = now;
        }
        return current;
    }

    /**
     * The health document, kept as it is on a 503 (health's {@code "status"} is a word, not a problem's number), which
     * is what its own type tells {@link ProblemResponseFilter}.
     */
    static final class HealthDocument extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;
    }

    /**
     * While starting, clients poll (the launcher, scripts, load balancers), each poll on the start's own cores: the
     * evaluation (a copy of the whiteboard's runtime DTO, a service query) is reused for {@value #STARTING_CACHE_NANOS}
     * ns, which delays "ready" by at most that.
     */
    private synchronized State startingState() {
        long now = System.nanoTime();
        if (startingCache == null || now - startingCachedAt > STARTING_CACHE_NANOS) {
            startingCache = evaluate();
            startingCachedAt = now;
        }
        return startingCache;
    }

    /** The health document: status, version, uptime, database, AMI, and what is not up yet or any more. */
    HealthDocument health(State state) {
        HealthDocument health = new HealthDocument();
        health.put("status", state.status());
        health.put("version", version);
        health.put("uptime_seconds", RUNTIME.getUptime() / 1000);
        health.put("database", database.describe());
        Ami current = ami;
        health.put("ami", current == null ? "unknown" : current.state().name().toLowerCase(Locale.ROOT));
        if (!state.up()) {
            health.put(STARTING.equals(state.status()) ? "waiting_for" : "down", state.problems());
        }
        return health;
    }

    private State evaluate() {
        List<String> problems = new ArrayList<>();
        if (!database.usable()) {
            problems.add("database: " + database.state());
        }
        for (Bundle bundle : context.getBundles()) {
            if (expectedLocations != null && expectedLocations.contains(bundle.getLocation())) {
                expectedNames.putIfAbsent(bundle.getLocation(), bundle.getSymbolicName());
            }
        }
        for (Bundle bundle : context.getBundles()) {
            if (counts(bundle) && bundle.getState() != Bundle.ACTIVE) {
                problems.add("bundle " + bundle.getSymbolicName() + ": " + BundlesResource.stateName(bundle.getState()));
            }
        }
        if (expectedLocations != null) {
            Set<String> present = new HashSet<>();
            for (Bundle bundle : context.getBundles()) {
                present.add(bundle.getSymbolicName());
            }
            for (String location : expectedLocations) {
                String name = expectedNames.get(location);
                if (name == null || !present.contains(name)) {
                    problems.add("bundle " + (name == null ? location : name) + ": not installed");
                }
            }
        }
        if (!started) {
            problems.addAll(restProblems());
        }
        String status = problems.isEmpty() ? UP : started ? DEGRADED : STARTING;
        return new State(status, List.copyOf(problems));
    }

    private boolean counts(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0) {
            return false;
        }
        if (expectedLocations != null) {
            return expectedNames.containsValue(bundle.getSymbolicName());
        }
        BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
        return bundle.getBundleId() != 0 && level != null && level.getStartLevel() < DEPLOY_START_LEVEL;
    }

    /**
     * The REST application serves what is registered: every resource and extension service is in the whiteboard's
     * runtime DTO (served or failed), which the whiteboard updates only after Jersey has been reloaded with them;
     * and the auth filter and login are among the served ones. Checked only while starting.
     */
    private List<String> restProblems() {
        JakartarsServiceRuntime runtime = rest;
        if (runtime == null) {
            return List.of("REST application: not running");
        }
        RuntimeDTO dto = runtime.getRuntimeDTO();
        Set<Long> known = new HashSet<>();
        Set<String> served = new HashSet<>();
        List<ApplicationDTO> applications = new ArrayList<>();
        if (dto.defaultApplication != null) {
            applications.add(dto.defaultApplication);
        }
        if (dto.applicationDTOs != null) {
            applications.addAll(Arrays.asList(dto.applicationDTOs));
        }
        for (ApplicationDTO application : applications) {
            Stream.concat(stream(application.resourceDTOs), stream(application.extensionDTOs)).forEach(d -> {
                known.add(d.serviceId);
                served.add(d.name);
            });
        }
        Stream.concat(stream(dto.failedResourceDTOs), stream(dto.failedExtensionDTOs)).forEach(d -> known.add(d.serviceId));
        List<String> problems = new ArrayList<>();
        for (String name : List.of(Authentication.EXTENSION_NAME, LOGIN)) {
            if (!served.contains(name)) {
                problems.add("REST application: " + name + " not served yet");
            }
        }
        int pending = 0;
        for (ServiceReference<?> ref : references("(|(osgi.jakartars.resource=true)(osgi.jakartars.extension=true))")) {
            if (!known.contains((Long) ref.getProperty(Constants.SERVICE_ID))) {
                pending++;
            }
        }
        if (pending > 0) {
            problems.add("REST application: " + pending + " resources or extensions not served yet");
        }
        return problems;
    }

    private static Stream<? extends BaseDTO> stream(BaseDTO[] dtos) {
        return dtos == null ? Stream.empty() : Arrays.stream(dtos);
    }

    private ServiceReference<?>[] references(String filter) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null, filter);
            return refs == null ? new ServiceReference<?>[0] : refs;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
