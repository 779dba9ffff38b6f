package org.dialplane.responsepaths;

import java.util.List;

import org.dialplane.core.auth.Caller;

/**
 * Checks a path's prompts against the media bundle. Registered (by {@link MediaPrompts}) only while the media
 * bundle's service is there, so the service can tell "no media bundle" (503) from "no such media file" (422).
 */
interface Prompts {
    /** The indexes in {@code mediaIds} of those the caller may not use (none, or another tenant's). */
    List<Integer> unusable(List<String> mediaIds, Caller caller);
}
