package org.dialplane.ringgroups;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Problem;

/**
 * A ring group's members as MiRTA's hunt lists tag them ({@code EXT-1701}, {@code CUSTOM-67}) over IssabelPBX's
 * {@code grplist}: an extension is stored as its number, a custom destination of an external-number type as
 * IssabelPBX stores an external number, {@code <number>#}; joined with {@code -}. Entries are checked against the
 * ring group's tenant, whoever the caller is, by the rule {@link MemberRule} states (its tenant's extensions, its
 * external-number custom destinations).
 */
final class HuntList {
    static final String FIELD = "members";
    /** How long a client should wait when the custom destinations bundle is away. */
    static final int RETRY_AFTER_SECONDS = 30;
    private static final Pattern ENTRY = Pattern.compile("(EXT|CUSTOM)-([0-9]{1,18})");
    private static final Pattern EXTENSION_ITEM = Pattern.compile("[0-9]{1,20}");
    private static final Pattern NUMBER_ITEM = Pattern.compile("(\\+?[0-9]{1,40})#");

    private HuntList() {
    }

    /**
     * The {@code grplist} for a PUT's entries.
     *
     * @param customs           the custom destinations, or null when their bundle is away
     * @param tenantExtensions  of the extension numbers given, those the ring group's tenant has
     * @throws ApiException 422 naming every entry at fault, 503 for {@code CUSTOM-} entries without {@code customs}
     */
    static String grplist(List<?> entries, CustomMembers customs, long tenantId,
            Function<Collection<String>, Set<String>> tenantExtensions) {
        if (entries == null || entries.isEmpty()) {
            throw invalid(List.of("must be a non-empty JSON array of EXT-<extension> and CUSTOM-<id> entries"));
        }
        List<String> errors = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> extensions = new ArrayList<>();
        boolean anyCustom = false;
        for (Object entry : entries) {
            Matcher m = entry instanceof String text ? ENTRY.matcher(text) : null;
            if (m == null || !m.matches()) {
                errors.add(describe(entry) + ": not an EXT-<extension> or CUSTOM-<id> entry");
            } else if (!seen.add(m.group())) {
                errors.add(m.group() + ": given twice");
            } else if (m.group(1).equals("EXT")) {
                extensions.add(m.group(2));
            } else {
                anyCustom = true;
            }
        }
        if (anyCustom && customs == null) {
            throw ApiException.unavailable("Custom destinations are not available now: CUSTOM- entries cannot be"
                    + " checked (EXT- entries can)", RETRY_AFTER_SECONDS);
        }
        Set<String> known = extensions.isEmpty() ? Set.of() : tenantExtensions.apply(extensions);
        List<String> items = new ArrayList<>();
        for (String entry : seen) {
            String id = entry.substring(entry.indexOf('-') + 1);
            if (entry.startsWith("EXT-")) {
                if (known.contains(id)) {
                    items.add(id);
                } else {
                    errors.add(entry + ": no extension " + id + " in the ring group's tenant");
                }
                continue;
            }
            Optional<CustomMembers.Custom> custom = customs.find(Long.parseLong(id), tenantId);
            if (custom.isEmpty()) {
                errors.add(entry + ": no custom destination " + id + " in the ring group's tenant");
            } else if (custom.get().dialledNumber().isEmpty()) {
                errors.add(entry + ": custom destination " + id + " (" + custom.get().name() + ") is not of an"
                        + " external number type; a hunt list rings numbers only (use its destination, dp-custom-"
                        + id + ",s,1, as a ring group's destination_if_no_answer instead)");
            } else {
                items.add(custom.get().dialledNumber().get() + "#");
            }
        }
        String grplist = IssabelRingGroup.joinMembers(items);
        if (grplist.length() > 255) {
            errors.add("must fit in 255 characters as IssabelPBX stores it (" + grplist.length() + ")");
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return grplist;
    }

    /**
     * The tagged entries of a {@code grplist}: numbers as {@code EXT-<n>}, {@code <number>#} as the tenant's
     * custom destination dialling it ({@code CUSTOM-<id>}) or, when none does (IssabelPBX's own GUI wrote it), as
     * stored; anything else as stored.
     *
     * @throws ApiException 503 when a {@code <number>#} member needs {@code customs} and their bundle is away
     */
    static List<String> tagged(String grplist, CustomMembers customs, long tenantId) {
        List<String> entries = new ArrayList<>();
        for (String item : IssabelRingGroup.splitMembers(grplist)) {
            Matcher number = NUMBER_ITEM.matcher(item);
            if (EXTENSION_ITEM.matcher(item).matches()) {
                entries.add("EXT-" + item);
            } else if (number.matches()) {
                if (customs == null) {
                    throw ApiException.unavailable("Custom destinations are not available now: the external number "
                            + item + " cannot be read as a CUSTOM- entry", RETRY_AFTER_SECONDS);
                }
                entries.add(customs.idOf(number.group(1), tenantId).map(id -> "CUSTOM-" + id).orElse(item));
            } else {
                entries.add(item);
            }
        }
        return entries;
    }

    private static String describe(Object entry) {
        if (entry instanceof String text) {
            return text.length() > 40 ? text.substring(0, 40) + "..." : text;
        }
        return String.valueOf(entry);
    }

    private static ApiException invalid(List<String> messages) {
        return ApiException.invalid(messages.stream().map(m -> new Problem.FieldError(FIELD, m)).toList());
    }
}
