package org.dialplane.responsepaths;

import org.dialplane.responsepaths.api.Run;

/**
 * Told when a run ends (the caller hung up). Registered by {@link CompletedEvents} only while the events bundle
 * runs; the recorder records runs with or without it.
 */
interface RunCompletion {
    void completed(Run run, long tenantId, String pathName);
}
