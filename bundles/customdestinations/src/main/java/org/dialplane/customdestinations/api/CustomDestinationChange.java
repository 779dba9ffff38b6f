package org.dialplane.customdestinations.api;

/**
 * What a write sets on a custom destination: the fields of its body, {@code null} when not sent. Build it with
 * {@link CustomDestinationService#change} (the REST body's names: {@code name}, {@code type}, {@code param1},
 * {@code param2}, {@code param3}); the service checks the parameters against the type's kinds whatever built it.
 *
 * @param id   the destination's id, or {@code null} when a POST leaves it to the database
 * @param name 1 to 40 printable characters (IssabelPBX's description)
 * @param type a custom type id
 */
public record CustomDestinationChange(String id, String name, Integer type, String param1, String param2,
        String param3) {
}
