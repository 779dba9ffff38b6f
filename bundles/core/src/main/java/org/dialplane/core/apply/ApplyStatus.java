package org.dialplane.core.apply;

import java.time.Instant;

/**
 * The state of applying changes.
 *
 * @param pending     an apply has been requested and not yet started
 * @param running     an apply is running now
 * @param method      how changes are applied: {@code command}, {@code ami-reload} or {@code none}
 * @param requests    requests received since start
 * @param runs        applies run since start
 * @param lastRequest when the last request arrived, or null
 * @param lastRun     when the last apply finished, or null
 * @param lastResult  {@code success}, {@code failure} or {@code skipped} for the last apply, or null
 * @param lastError   why the last apply failed, or null
 * @param lastOutput  the (trimmed) output of the last apply command, or null
 */
public record ApplyStatus(boolean pending, boolean running, String method, long requests, long runs,
        Instant lastRequest, Instant lastRun, String lastResult, String lastError, String lastOutput) {
}
