package org.dialplane.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} pairs of a subcommand; every option has a default, so a typo is an error, not silence. */
public final class Options {
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> defaults;

    public Options(String[] args, Map<String, String> defaults) {
        this.defaults = defaults;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || !defaults.containsKey(name.substring(2))) {
                throw new IllegalArgumentException("unknown option " + name + "; known: " + defaults.keySet());
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + name);
            }
            values.put(name.substring(2), args[++i]);
        }
    }

    public String get(String name) {
        if (!defaults.containsKey(name)) {
            throw new IllegalStateException("undeclared option " + name);
        }
        return values.getOrDefault(name, defaults.get(name));
    }

    public int integer(String name) {
        try {
            return Integer.parseInt(get(name).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, not '" + get(name) + "'");
        }
    }

    public double decimal(String name) {
        try {
            return Double.parseDouble(get(name).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a number, not '" + get(name) + "'");
        }
    }

    /** A comma-separated option; empty when the value is blank. */
    public List<String> list(String name) {
        String value = get(name).strip();
        return value.isEmpty() ? List.of()
                : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
