package org.dialplane.responsepaths.api;

import java.util.List;

/**
 * Where a caller goes at the end of a response path.
 *
 * @param type one of {@link #TYPES}
 * @param id   the extension, queue or ring group number; for {@code custom}, the id of one of Dialplane's custom
 *             destinations ({@code /pbxapi/customdestinations}, e.g. {@code 67}), or the target of one of
 *             IssabelPBX's own as it stores it ({@code custom_destinations.custom_dest}, e.g.
 *             {@code crm-lookup,s,1})
 */
public record Destination(String type, String id) {
    public static final String EXTENSION = "extension";
    public static final String QUEUE = "queue";
    public static final String RING_GROUP = "ringgroup";
    public static final String CUSTOM = "custom";
    public static final List<String> TYPES = List.of(EXTENSION, QUEUE, RING_GROUP, CUSTOM);
}
