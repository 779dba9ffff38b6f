package org.dialplane.customdestinations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dialplane.core.rest.Problem;
import org.dialplane.customdestinations.api.CustomTypeChange;

/**
 * A custom type as the rules need it: its template lines and its declared parameters ({@code param1} -> kind, in
 * order; an undeclared parameter is absent).
 */
record CustomType(long id, String name, String description, List<String> template, List<String> names,
        Map<String, ParamKind> declared, boolean externalNumber, boolean builtin) {

    /** A new type from a create, or an existing one with what an update sends over it. */
    static CustomType merged(CustomType existing, CustomTypeChange change, List<Problem.FieldError> errors) {
        List<String> names = new ArrayList<>(existing == null ? java.util.Arrays.asList(null, null, null)
                : existing.names());
        Map<String, ParamKind> declared = new LinkedHashMap<>();
        for (int i = 0; i < DialplanTemplate.PARAMETERS.size(); i++) {
            String parameter = DialplanTemplate.PARAMETERS.get(i);
            String kind = change.parameterKinds() == null ? null : change.parameterKinds().get(i);
            Optional<ParamKind> kept = existing == null ? Optional.empty()
                    : Optional.ofNullable(existing.declared().get(parameter));
            Optional<ParamKind> chosen = kind == null ? kept : ParamKind.of(kind);
            chosen.ifPresent(k -> declared.put(parameter, k));
            String name = change.parameterNames() == null ? null : change.parameterNames().get(i);
            if (name != null) {
                names.set(i, name.isEmpty() ? null : name);
            }
            if (chosen.isEmpty()) {
                names.set(i, null);
            } else if (names.get(i) == null) {
                names.set(i, "Parameter " + (i + 1));
            }
        }
        List<String> template = change.template() != null ? change.template()
                : existing == null ? List.of() : existing.template();
        boolean external = change.externalNumber() != null ? change.externalNumber()
                : existing != null && existing.externalNumber();
        CustomType merged = new CustomType(existing == null ? 0 : existing.id(),
                change.name() != null ? change.name() : existing == null ? null : existing.name(),
                change.description() != null ? change.description() : existing == null ? "" : existing.description(),
                template, names, declared, external, existing != null && existing.builtin());
        merged.check(errors);
        return merged;
    }

    /** The rules between fields: the template against the parameters; an external number dials param1. */
    void check(List<Problem.FieldError> errors) {
        DialplanTemplate.problem(template, declared.keySet())
                .ifPresent(p -> errors.add(new Problem.FieldError(CustomTypeFields.TEMPLATE, p)));
        ParamKind first = declared.get("param1");
        if (externalNumber && first != ParamKind.NUMBER && first != ParamKind.DIGITS) {
            errors.add(new Problem.FieldError(CustomTypeFields.EXTERNAL_NUMBER,
                    "needs param1_kind number or digits: param1 is the number dialled"));
        }
    }

    /** The problems of parameter values against this type, each naming its parameter. */
    List<Problem.FieldError> problems(Map<String, String> values) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String parameter : DialplanTemplate.PARAMETERS) {
            String value = values.get(parameter);
            ParamKind kind = declared.get(parameter);
            if (kind == null) {
                if (value != null && !value.isEmpty()) {
                    errors.add(new Problem.FieldError(parameter, "must be empty: type " + id + " (" + name
                            + ") declares no " + parameter));
                }
            } else if (value == null || value.isEmpty()) {
                errors.add(new Problem.FieldError(parameter, "is required by type " + id + " (" + name + "): "
                        + kind.description()));
            } else if (!kind.accepts(value)) {
                errors.add(new Problem.FieldError(parameter, "must be " + kind.description() + " (kind "
                        + kind.id() + " of type " + id + ")"));
            }
        }
        return errors;
    }
}
