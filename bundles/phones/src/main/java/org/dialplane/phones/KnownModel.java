package org.dialplane.phones;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dialplane.phones.api.PhoneModel;
import org.dialplane.phones.api.ProvisioningFile;

/**
 * A registered {@link PhoneModel}, checked once: its id, line count, file names and templates follow the rules,
 * and its templates are parsed. What it answered then is what it is: a model cannot change behind the phones.
 */
record KnownModel(String id, String vendor, String name, int lines, List<File> files) {
    static final int MAX_LINES = 64;
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]*(\\{mac}|\\{MAC})[A-Za-z0-9._-]*");
    private static final Set<String> PHONE_VARIABLES = Set.of("mac", "MAC", "phone_name", "server_host",
            "server_port", "provisioning_url", "line_count");
    private static final List<String> LINE_VARIABLES = List.of("enabled", "active", "extension", "name", "secret");

    /** One file of the model: its name pattern as a regular expression too, and its parsed template. */
    record File(String pattern, Pattern regex, boolean upperCase, String contentType, Template template) {

        /** This file's name for a phone. */
        String nameFor(String canonicalMac) {
            String hex = upperCase ? Mac.upperHex(canonicalMac) : Mac.lowerHex(canonicalMac);
            return pattern.replace(upperCase ? "{MAC}" : "{mac}", hex);
        }

        boolean xml() {
            return contentType.toLowerCase(Locale.ROOT).contains("xml");
        }
    }

    /**
     * The model checked.
     *
     * @throws IllegalArgumentException saying what breaks the rules of {@link PhoneModel}
     */
    static KnownModel of(PhoneModel model) {
        String id = model.id();
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id '" + id + "' is not lower-case letters, digits, ., - or _");
        }
        int lines = model.lines();
        if (lines < 1 || lines > MAX_LINES) {
            throw new IllegalArgumentException(id + ": lines must be from 1 to " + MAX_LINES);
        }
        List<ProvisioningFile> files = model.files();
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException(id + ": no provisioning file");
        }
        Set<String> declared = variables(lines);
        Set<String> patterns = new HashSet<>();
        List<File> compiled = new ArrayList<>();
        for (ProvisioningFile file : files) {
            String pattern = file.name();
            if (pattern == null || !FILE_NAME.matcher(pattern).matches()
                    || pattern.split("\\{(mac|MAC)}", -1).length != 2 || !patterns.add(pattern)) {
                throw new IllegalArgumentException(id + ": file name '" + pattern + "' must hold {mac} or {MAC}"
                        + " once, besides letters, digits, ., - and _, and differ from the model's others");
            }
            if (file.template() == null || file.contentType() == null || file.contentType().isBlank()) {
                throw new IllegalArgumentException(id + ": file " + pattern + " has no template or content type");
            }
            boolean upper = pattern.contains("{MAC}");
            String[] around = pattern.split("\\{(mac|MAC)}", -1);
            String hex = upper ? "([0-9A-F]{12}|[0-9A-F]{16})" : "([0-9a-f]{12}|[0-9a-f]{16})";
            Pattern regex = Pattern.compile(Pattern.quote(around[0]) + hex + Pattern.quote(around[1]));
            Template template;
            try {
                template = Template.parse(file.template(), declared);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(id + ": template of " + pattern + " names " + e.getMessage(), e);
            }
            compiled.add(new File(pattern, regex, upper, file.contentType().strip(), template));
        }
        return new KnownModel(id, text(model.vendor()), text(model.name()), lines, List.copyOf(compiled));
    }

    /** The variables a template of a model with this many lines may name. */
    static Set<String> variables(int lines) {
        Set<String> names = new LinkedHashSet<>(PHONE_VARIABLES);
        for (int n = 1; n <= lines; n++) {
            for (String variable : LINE_VARIABLES) {
                names.add("line" + n + "_" + variable);
            }
        }
        return names;
    }

    /** The MAC addresses (stored form) a file name would be for, by this model's file names. */
    Set<String> macsIn(String fileName) {
        Set<String> macs = new LinkedHashSet<>();
        for (File file : files) {
            Matcher matcher = file.regex().matcher(fileName);
            if (matcher.matches()) {
                String mac = Mac.fromHex(matcher.group(1));
                if (mac != null) {
                    macs.add(mac);
                }
            }
        }
        return macs;
    }

    /** The file of this model that a phone with this MAC fetches under this name, if any. */
    Optional<File> file(String fileName, String canonicalMac) {
        return files.stream().filter(f -> f.nameFor(canonicalMac).equals(fileName)).findFirst();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
