package org.dialplane.voicemail.api;

import java.nio.file.Path;

/**
 * The audio file of a message in one format, checked to be inside the voicemail spool.
 *
 * @param file        its real path
 * @param format      {@code wav}, {@code WAV} (GSM in WAV) or {@code gsm}
 * @param contentType {@code audio/wav}, {@code audio/x-wav} or {@code audio/x-gsm}
 */
public record MessageAudio(Path file, String format, String contentType) {
}
