package org.dialplane.media.api;

/**
 * One use of a media file that keeps it from being deleted.
 *
 * @param mediaId the media file's id
 * @param user    what uses it, as a 409 names it to a person: {@code response path 7 (Support line)}
 */
public record MediaUse(String mediaId, String user) {
}
