package org.dialplane.mirta;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * MiRTA's phone model ids ({@code ph_pm_id}) are numbers; Dialplane's are names ({@code yealink-t4x-t5x}). The
 * number of a model is fixed by its name alone, so it is the same after a restart, on every installation and
 * whatever other models come and go:
 * <ul>
 * <li>the built-in models have fixed numbers, 5 to 8 ({@link #BUILT_IN}; 5, the seed's, is the Yealink);</li>
 * <li>a model whose id is a number (a vendor's bundle may register MiRTA's own numbers as ids) is that number,
 * and takes it over from a built-in;</li>
 * <li>any other model is {@code 1000 + CRC-32 of its id modulo 9,000,000}; should two registered models share a
 * number, the one whose id sorts first has it and the other has none (shown as null, not selectable).</li>
 * </ul>
 */
final class PhoneModelNumbers {
    static final Map<String, Long> BUILT_IN = Map.of("yealink-t4x-t5x", 5L, "grandstream-gxp-grp", 6L,
            "snom-d7xx", 7L, "polycom-vvx", 8L);
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,8}");

    private PhoneModelNumbers() {
    }

    /** The number a model id has, before clashes are settled. */
    static long candidate(String modelId) {
        if (NUMBER.matcher(modelId).matches()) {
            return Long.parseLong(modelId);
        }
        Long builtIn = BUILT_IN.get(modelId);
        if (builtIn != null) {
            return builtIn;
        }
        CRC32 crc = new CRC32();
        crc.update(modelId.getBytes(StandardCharsets.UTF_8));
        return 1000 + crc.getValue() % 9_000_000;
    }

    /** Number -> model id of the registered models, clashes settled as the class says. */
    static TreeMap<Long, String> table(Collection<String> modelIds) {
        TreeMap<Long, String> table = new TreeMap<>();
        List<String> sorted = modelIds.stream().distinct().sorted((a, b) -> {
            boolean numberA = NUMBER.matcher(a).matches();
            boolean numberB = NUMBER.matcher(b).matches();
            return numberA != numberB ? (numberA ? -1 : 1) : a.compareTo(b); // numeric ids take their number first
        }).toList();
        for (String id : sorted) {
            table.putIfAbsent(candidate(id), id);
        }
        return table;
    }

    /** The number of a model among the registered ones, empty when it has none (not registered, or clashing). */
    static Optional<Long> number(String modelId, Collection<String> modelIds) {
        long candidate = candidate(modelId);
        return modelId.equals(table(modelIds).get(candidate)) ? Optional.of(candidate) : Optional.empty();
    }

    /** The registered model with this number. */
    static Optional<String> model(long number, Collection<String> modelIds) {
        return Optional.ofNullable(table(modelIds).get(number));
    }

    /** The table for messages and HELP: {@code 5 yealink-t4x-t5x, 6 ...}. */
    static String describe(Collection<String> modelIds) {
        StringBuilder text = new StringBuilder();
        table(modelIds).forEach((number, id) -> text.append(text.length() == 0 ? "" : ", ").append(number)
                .append(' ').append(id));
        return text.length() == 0 ? "none registered" : text.toString();
    }
}
