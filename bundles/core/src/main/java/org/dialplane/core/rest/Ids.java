package org.dialplane.core.rest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The ids of a path segment such as {@code /extensions/1005,1006}: one or more, comma-separated, each checked
 * against the resource's id pattern, duplicates dropped, in the order given. A repository acting on all of them
 * at once (a multi-DELETE) does so in one transaction and calls {@link #requireAll} with the ids it found, so
 * that one missing id fails the whole request with a 404 naming it and nothing is changed.
 */
public final class Ids implements Iterable<String> {
    /** The most ids one request may name. */
    public static final int MAX_IDS = 1000;
    /** Digits, as extensions and ring group numbers are. */
    public static final Pattern NUMERIC = Pattern.compile("[0-9]{1,20}");

    private final List<String> values;

    private Ids(List<String> values) {
        this.values = List.copyOf(values);
    }

    /**
     * Parses a path segment.
     *
     * @throws ApiException 400 naming the first id that is empty or does not match {@code pattern}, or when the
     *                      segment names more than {@link #MAX_IDS} ids
     */
    public static Ids parse(String segment, Pattern pattern) {
        if (segment == null || segment.isBlank()) {
            throw ApiException.badRequest("No id given");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String part : segment.split(",", -1)) {
            String id = part.trim();
            if (id.isEmpty()) {
                throw ApiException.badRequest("Empty id in '" + segment + "'");
            }
            if (!pattern.matcher(id).matches()) {
                throw ApiException.badRequest("Invalid id '" + id + "'");
            }
            ids.add(id);
            if (ids.size() > MAX_IDS) {
                throw ApiException.badRequest("At most " + MAX_IDS + " ids per request");
            }
        }
        return new Ids(new ArrayList<>(ids));
    }

    /** Exactly one id, for verbs that act on one item (PUT). */
    public static String parseOne(String segment, Pattern pattern) {
        Ids ids = parse(segment, pattern);
        if (ids.size() != 1) {
            throw ApiException.badRequest("One id expected, not " + ids.size());
        }
        return ids.values.get(0);
    }

    public List<String> values() {
        return values;
    }

    public int size() {
        return values.size();
    }

    @Override
    public Iterator<String> iterator() {
        return values.iterator();
    }

    /** The ids not among those found, in the order requested. */
    public List<String> missing(Collection<String> found) {
        Set<String> present = Set.copyOf(found);
        return values.stream().filter(id -> !present.contains(id)).toList();
    }

    /**
     * Fails unless every id was found.
     *
     * @param found the ids that exist (and that the caller may see)
     * @param noun  what an id names, for the message: "extension" gives "No extension 1005, 1006"
     * @throws ApiException 404 naming the missing ids
     */
    public void requireAll(Collection<String> found, String noun) {
        List<String> missing = missing(found);
        if (!missing.isEmpty()) {
            throw ApiException.notFound("No " + noun + " " + String.join(", ", missing));
        }
    }

    @Override
    public String toString() {
        return String.join(",", values);
    }
}
