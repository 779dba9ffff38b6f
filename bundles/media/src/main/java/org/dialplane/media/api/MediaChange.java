package org.dialplane.media.api;

/**
 * The metadata a write sets on a media file; a field that was not sent is {@code null} and left as it is (a
 * create gives the description {@code ""}). Build it from the API's field names with {@link MediaService#change},
 * which checks them as the REST resource does; a change built with this constructor is checked the same way.
 *
 * @param name        the name shown in IssabelPBX's System Recordings ({@code recordings.displayname}), at most
 *                    50 characters; required on create
 * @param description a description ({@code recordings.description}), at most 254 characters
 */
public record MediaChange(String name, String description) {
}
