package org.dialplane.calls.api;

import java.nio.file.Path;

/**
 * A call's recording on disk.
 *
 * @param type the media type its extension names, e.g. {@code audio/wav}, or {@code application/octet-stream}
 */
public record Recording(Path file, long size, String type) {
}
