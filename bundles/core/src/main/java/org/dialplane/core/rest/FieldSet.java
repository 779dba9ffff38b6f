package org.dialplane.core.rest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields a resource shows and accepts, declared once per resource as a constant: each field's JSON name, the
 * SQL column (or expression) it is stored in, what it holds and accepts ({@link FieldSpec}: type, values, ranges,
 * required on create, default, read-only, secret) and its {@link Trait traits}. That one declaration
 * <ul>
 * <li>parses {@code fields=} and is the whitelist for {@code order=} and {@code search=}: no name from a request
 * ever reaches SQL, only the columns declared here;</li>
 * <li>checks request bodies ({@link #validation(JsonBody, boolean)}, 422 naming every field at fault);</li>
 * <li>is the schema of the resource's answers and bodies in the OpenAPI document, when the resource class names
 * it with {@link Fields @Fields}.</li>
 * </ul>
 *
 * <pre>{@code
 * static final FieldSet FIELDS = FieldSet.builder()
 *         .field("extension", "u.extension", FieldSpec.text().matches(NUMBER, "2 to 10 digits"), DEFAULT, SEARCHABLE)
 *         .field("name", "u.name", FieldSpec.text().maxLength(50), DEFAULT, SEARCHABLE)
 *         .field("secret", null, FieldSpec.text().length(6, 80).secret(), DEFAULT) // no column: never sorted
 *         .field("ringtimer", "u.ringtimer", FieldSpec.integer().range(0, 300))  // only with fields=* or =ringtimer
 *         .orderBy("extension")
 *         .build();
 * }</pre>
 */
public final class FieldSet {

    /** What a field is used for besides being shown. */
    public enum Trait {
        /** Shown when the request has no {@code fields=}. When no field has it, every field is shown. */
        DEFAULT,
        /** Matched by {@code search=} (a LIKE on its column). */
        SEARCHABLE,
        /** Refused by {@code order=} even though it has a column (e.g. a long text or a list). */
        UNSORTABLE,
        /**
         * Unique per row (the resource's key): a list ordered by it pages by cursor ({@code after=}, answered
         * with {@code next}); the repository adds {@link Query#keyset()} to its conditions. Since 2.2.
         */
        KEY
    }

    /**
     * One field.
     *
     * @param name   the JSON name
     * @param column the SQL column or expression it is read from, or {@code null} when it is computed
     * @param traits its traits
     * @param spec   what it holds and accepts ({@link FieldSpec#any()} when not declared)
     */
    public record Field(String name, String column, Set<Trait> traits, FieldSpec spec) {
        public Field {
            traits = traits.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(traits));
            spec = spec == null ? FieldSpec.any() : spec;
        }

        /** A field without a spec, as declared before specs existed. */
        public Field(String name, String column, Set<Trait> traits) {
            this(name, column, traits, FieldSpec.any());
        }

        public boolean sortable() {
            return column != null && !traits.contains(Trait.UNSORTABLE);
        }

        public boolean searchable() {
            return traits.contains(Trait.SEARCHABLE);
        }

        /** Whether lists ordered by this field page by cursor ({@link Trait#KEY}). Since 2.2. */
        public boolean key() {
            return sortable() && traits.contains(Trait.KEY);
        }
    }

    private final Map<String, Field> fields;
    private final List<String> defaults;
    private final Field defaultOrder;

    private FieldSet(Map<String, Field> fields, List<String> defaults, Field defaultOrder) {
        this.fields = Collections.unmodifiableMap(fields);
        this.defaults = List.copyOf(defaults);
        this.defaultOrder = defaultOrder;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every field name, in declaration order. */
    public List<String> names() {
        return List.copyOf(fields.keySet());
    }

    /** The fields shown when the request does not choose. */
    public List<String> defaultNames() {
        return defaults;
    }

    public Optional<Field> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** Every field, in declaration order. */
    public List<Field> fields() {
        return List.copyOf(fields.values());
    }

    /** The names {@code order=} accepts, in declaration order. */
    public List<String> sortableNames() {
        return fields.values().stream().filter(Field::sortable).map(Field::name).toList();
    }

    /** The names of the fields declared {@link FieldSpec#secret() secret}. */
    public List<String> secretNames() {
        return fields.values().stream().filter(f -> f.spec().isSecret()).map(Field::name).toList();
    }

    /**
     * Checks a request body by the declaration: each field sent, by its type and rules, and on create
     * ({@code creating}) the required ones; read-only fields are ignored, custom ones left to the resource, and
     * fields not declared are ignored. Problems are collected, not thrown: add the resource's own checks (between
     * fields, say) with {@link Validation#error}, read the values with {@link Validation#value}, then
     * {@link Validation#check()} answers one 422 naming every field at fault.
     */
    public Validation validation(JsonBody body, boolean creating) {
        Validation v = Validation.of(body);
        for (Field field : fields.values()) {
            field.spec().check(v, field.name(), creating);
        }
        return v;
    }

    /**
     * {@link #validation} with nothing of the resource's own: the checked values of the fields sent, by name.
     *
     * @throws ApiException 422 naming every field at fault
     */
    public Map<String, Object> validate(JsonBody body, boolean creating) {
        Validation v = validation(body, creating);
        v.check();
        return v.values();
    }

    /** The fields {@code search=} matches, in declaration order. */
    public List<Field> searchable() {
        return fields.values().stream().filter(Field::searchable).toList();
    }

    /** The field lists are sorted by when the request has no {@code order=}. */
    public Field defaultOrder() {
        return defaultOrder;
    }

    /**
     * The fields a {@code fields=} parameter selects: the defaults when it is absent or blank, every field for
     * {@code *}, else the names listed (comma-separated, in the order given, duplicates dropped).
     *
     * @throws ApiException 400 naming every unknown field
     */
    public List<String> select(String fieldsParameter) {
        if (fieldsParameter == null || fieldsParameter.isBlank()) {
            return defaults;
        }
        Set<String> chosen = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String part : fieldsParameter.split(",", -1)) {
            String name = part.trim();
            if (name.equals("*")) {
                return names();
            }
            if (name.isEmpty()) {
                throw ApiException.badRequest("fields: empty field name in '" + fieldsParameter + "'");
            }
            if (fields.containsKey(name)) {
                chosen.add(name);
            } else {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("fields: unknown field" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; known fields: " + String.join(", ", fields.keySet()));
        }
        return List.copyOf(chosen);
    }

    /** Collects the fields of a resource. */
    public static final class Builder {
        private final Map<String, Field> fields = new LinkedHashMap<>();
        private String defaultOrder;

        private Builder() {
        }

        /**
         * Adds a field. {@code column} is written into SQL as it is: it must be a constant of the resource
         * (a column name or an expression such as {@code CAST(u.extension AS UNSIGNED)}), never request data.
         */
        public Builder field(String name, String column, Trait... traits) {
            return field(name, column, FieldSpec.any(), traits);
        }

        /** Adds a field with what it holds and accepts; see {@link #field(String, String, Trait...)}. */
        public Builder field(String name, String column, FieldSpec spec, Trait... traits) {
            if (name == null || name.isBlank() || name.contains(",") || name.equals("*")) {
                throw new IllegalArgumentException("Invalid field name: " + name);
            }
            if (fields.containsKey(name)) {
                throw new IllegalArgumentException("Field declared twice: " + name);
            }
            if (column != null && (column.isBlank() || column.contains("?") || column.contains(";"))) {
                throw new IllegalArgumentException("Invalid column for field " + name + ": " + column);
            }
            Set<Trait> set = traits.length == 0 ? Set.of() : EnumSet.copyOf(List.of(traits));
            if (set.contains(Trait.SEARCHABLE) && column == null) {
                throw new IllegalArgumentException("Searchable field without a column: " + name);
            }
            fields.put(name, new Field(name, column, set, spec));
            return this;
        }

        /** The field lists are sorted by by default; without it, the first sortable field. */
        public Builder orderBy(String name) {
            this.defaultOrder = name;
            return this;
        }

        public FieldSet build() {
            if (fields.isEmpty()) {
                throw new IllegalStateException("A field set needs at least one field");
            }
            List<String> defaults = fields.values().stream().filter(f -> f.traits().contains(Trait.DEFAULT))
                    .map(Field::name).toList();
            if (defaults.isEmpty()) {
                defaults = List.copyOf(fields.keySet());
            }
            Field order;
            if (defaultOrder != null) {
                order = fields.get(defaultOrder);
                if (order == null || !order.sortable()) {
                    throw new IllegalStateException("Default order is not a sortable field: " + defaultOrder);
                }
            } else {
                order = fields.values().stream().filter(Field::sortable).findFirst().orElse(null);
            }
            return new FieldSet(new LinkedHashMap<>(fields), defaults, order);
        }
    }
}
