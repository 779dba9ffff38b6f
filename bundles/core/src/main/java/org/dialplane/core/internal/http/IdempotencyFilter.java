package org.dialplane.core.internal.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Database;
import org.dialplane.core.internal.db.AppliedMark;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Problem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

/**
 * {@code Idempotency-Key} on every {@code POST} of the API (the IETF httpapi draft's header): the first answer to a
 * key is kept 24 h per caller and replayed to a retry with the same key (with {@code Idempotent-Replayed: true}), so
 * a client that got a 503 or lost its connection may send the same request again without creating twice. The key
 * with another method, path or body is a 422; while the first request runs, a 409. A request that failed with a
 * 5xx is run again on retry unless its write was committed ({@link AppliedMark}), which is then a 409 saying so.
 * Runs after authentication (the key belongs to the caller); a request without the header is not touched.
 */
@Component(service = { ContainerRequestFilter.class, ContainerResponseFilter.class, WriterInterceptor.class })
@JakartarsExtension
@JakartarsName("dialplane.idempotency")
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY = 191;
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    private static final String CAPTURE = IdempotencyFilter.class.getName() + ".capture";
    private static final long PURGE_EVERY_NANOS = TimeUnit.MINUTES.toNanos(10);
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyRecords records = new IdempotencyRecords();
    private final AtomicLong lastPurge = new AtomicLong(System.nanoTime() - PURGE_EVERY_NANOS);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Database database;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        AppliedMark.end(); // nothing left from an earlier request on this thread marks this one's commits
        String key = request.getHeaderString(HEADER);
        if (key == null || !HttpMethod.POST.equals(request.getMethod())
                || !(request.getSecurityContext().getUserPrincipal() instanceof Caller caller)) {
            return;
        }
        if (key.isEmpty() || key.length() > MAX_KEY || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ApiException.badRequest(HEADER + " must be 1 to " + MAX_KEY + " visible ASCII characters");
        }
        Database current = database;
        if (current == null) {
            throw ApiException.unavailable("The database is not available right now; try again shortly.", 5);
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String fingerprint = fingerprint(request, body);
        purgeNowAndThen(current);
        IdempotencyRecords.Outcome outcome = records.claim(current.pbx(), caller,
                request.getSecurityContext().getAuthenticationScheme() + ":" + caller.name(), key, fingerprint);
        if (outcome instanceof IdempotencyRecords.Run run) {
            request.setProperty(CLAIM, run.claim());
            AppliedMark.begin(run.claim().recordId());
        } else if (outcome instanceof IdempotencyRecords.Replay replay) {
            request.abortWith(replayed(replay.answer()));
        } else if (outcome instanceof IdempotencyRecords.Mismatch) {
            throw ApiException.invalid(List.of(new Problem.FieldError(HEADER, "was already used with another"
                    + " request (method, path or body) in the last " + IdempotencyRecords.KEEP_HOURS + " h")));
        } else if (outcome instanceof IdempotencyRecords.Running) {
            throw ApiException.conflict("A request with this " + HEADER + " is still running; retry when it has"
                    + " answered");
        } else {
            throw ApiException.conflict("The request with this " + HEADER + " was applied but its answer was lost;"
                    + " read the resource to see the result");
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof IdempotencyRecords.Claim claim)) {
            return;
        }
        AppliedMark.end();
        request.removeProperty(CLAIM);
        Database current = database;
        if (current == null) {
            return; // the record stays unanswered; a retry reads its applied flag
        }
        if (response.getStatus() >= 500) {
            records.abandon(current.pbx(), claim);
            return;
        }
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        String type = response.getMediaType() == null ? null : response.getMediaType().toString();
        IdempotencyRecords.Answer answer = new IdempotencyRecords.Answer(response.getStatus(),
                location == null ? null : location.toString(), type, null);
        if (response.hasEntity()) {
            request.setProperty(CAPTURE, new Capture(current, claim, answer)); // stored once written
        } else {
            records.finish(current.pbx(), claim, answer);
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(CAPTURE) instanceof Capture capture)) {
            context.proceed();
            return;
        }
        context.removeProperty(CAPTURE);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        OutputStream original = context.getOutputStream();
        context.setOutputStream(new FilterOutputStream(original) {
            @Override
            public void write(int b) throws IOException {
                original.write(b);
                copy.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                original.write(bytes, offset, length);
                copy.write(bytes, offset, length);
            }
        });
        try {
            context.proceed();
        } finally {
            IdempotencyRecords.Answer first = capture.answer();
            records.finish(capture.database().pbx(), capture.claim(), new IdempotencyRecords.Answer(first.status(),
                    first.location(), first.contentType(), copy.toByteArray()));
        }
    }

    private record Capture(Database database, IdempotencyRecords.Claim claim, IdempotencyRecords.Answer answer) {
    }

    private static Response replayed(IdempotencyRecords.Answer answer) {
        Response.ResponseBuilder builder = Response.status(answer.status()).header(REPLAYED, "true");
        if (answer.location() != null) {
            builder.header(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.body() != null && answer.body().length > 0) {
            builder.entity(answer.body()).type(answer.contentType());
        }
        return builder.build();
    }

    /** The request the key stands for: method, path with query, and body. */
    private static String fingerprint(ContainerRequestContext request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String query = request.getUriInfo().getRequestUri().getRawQuery();
            digest.update((request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath()
                    + (query == null ? "" : "?" + query) + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private void purgeNowAndThen(Database current) {
        long last = lastPurge.get();
        long now = System.nanoTime();
        if (now - last > PURGE_EVERY_NANOS && lastPurge.compareAndSet(last, now)) {
            try {
                IdempotencyRecords.purge(current.pbx());
            } catch (SQLException e) {
                LOG.debug("Idempotency records not purged this time: {}", e.getMessage());
            }
        }
    }
}
