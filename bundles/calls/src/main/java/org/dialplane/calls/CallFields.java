package org.dialplane.calls;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.dialplane.calls.api.OriginateRequest;
import org.dialplane.core.rest.FieldSet;
import org.dialplane.core.rest.FieldSpec;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Validation;

/** The validation of {@code POST /pbxapi/calls}: everything that reaches AMI is checked here first. */
final class CallFields {
    /** An extension number, as in the extensions bundle. */
    static final Pattern SOURCE = Pattern.compile("[0-9]{1,20}");
    /** What a phone can dial: digits, {@code *}, {@code #} and a leading {@code +}. */
    static final Pattern DEST = Pattern.compile("\\+?[0-9*#]{1,40}");
    static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9_.@-]{1,40}");
    static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_]{1,40}");
    /** The call id: what {@link CallIds} generates. */
    static final Pattern CALL_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final int DEFAULT_TIMEOUT_SECONDS = 30;
    static final int MAX_VARIABLES = 20;
    static final int MAX_VALUE_LENGTH = 200;

    /** The body of {@code POST /pbxapi/calls}; the OpenAPI schema {@code Originate}. */
    static final FieldSet FIELDS = FieldSet.builder()
            .field("source", null, FieldSpec.text().required().matches(SOURCE, "an extension number (digits)")
                    .description("the extension whose phone rings first"))
            .field("dest", null, FieldSpec.text().required().matches(DEST, "a number to dial (digits, * and #)")
                    .description("dialled in from-internal once the source answers"))
            .field("account", null, FieldSpec.text().matches(ACCOUNT, "letters, digits and _ . @ - (at most 40)")
                    .description("the CDR account code"))
            .field("variables", null, FieldSpec.object().description("channel variables, at most " + MAX_VARIABLES
                    + ": names of letters, digits and _, values one line without commas (at most "
                    + MAX_VALUE_LENGTH + " characters); prefixed with the tenant code"))
            .field("timeout", null, FieldSpec.integer().range(1, 300).defaultValue(DEFAULT_TIMEOUT_SECONDS)
                    .description("seconds the source may take to answer"))
            .field("callerid", null, FieldSpec.text().maxLength(80)
                    .description("the caller id shown on the source phone; the extension's own when not sent"))
            .build();

    private CallFields() {
    }

    static OriginateRequest validate(JsonBody body) {
        Validation v = FIELDS.validation(body, true);
        String source = v.value("source");
        String dest = v.value("dest");
        String account = v.value("account");
        Integer timeout = v.value("timeout");
        String callerId = v.value("callerid");
        if (callerId != null && !printable(callerId)) {
            v.error("callerid", "must not contain control characters");
        }
        Map<String, String> variables = variables(v, body == null ? null : body.get("variables"));
        v.check();
        return new OriginateRequest(source, dest, account, variables,
                timeout == null ? DEFAULT_TIMEOUT_SECONDS : timeout, callerId);
    }

    /**
     * Names are plain identifiers and values single lines without commas: Asterisk splits the Originate
     * {@code Variable} header on commas, so a comma would smuggle in another variable (such as AMPUSER).
     */
    private static Map<String, String> variables(Validation v, Object raw) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (raw == null) {
            return variables;
        }
        if (!(raw instanceof Map<?, ?> map)) {
            v.error("variables", "must be an object of names and values");
            return variables;
        }
        if (map.size() > MAX_VARIABLES) {
            v.error("variables", "must have at most " + MAX_VARIABLES + " entries");
            return variables;
        }
        map.forEach((key, value) -> {
            String name = String.valueOf(key);
            String field = "variables." + name;
            if (!VARIABLE_NAME.matcher(name).matches()) {
                v.error(field, "name must be 1 to 40 letters, digits or _");
            } else if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                v.error(field, "must be a string, a number or a boolean");
            } else {
                String text = value.toString();
                if (text.length() > MAX_VALUE_LENGTH || !printable(text) || text.indexOf(',') >= 0) {
                    v.error(field, "must be one line of at most " + MAX_VALUE_LENGTH + " characters without commas");
                } else {
                    variables.put(name, text);
                }
            }
        });
        return variables;
    }

    private static boolean printable(String text) {
        return text.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }
}
