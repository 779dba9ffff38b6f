package org.dialplane.calls;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.dialplane.calls.api.OriginateRequest;
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

    private CallFields() {
    }

    static OriginateRequest validate(JsonBody body) {
        Validation v = Validation.of(body);
        String source = v.text("source").required().matches(SOURCE, "an extension number (digits)").value();
        String dest = v.text("dest").required().matches(DEST, "a number to dial (digits, * and #)").value();
        String account = v.text("account").matches(ACCOUNT, "letters, digits and _ . @ - (at most 40)").value();
        Integer timeout = v.integer("timeout").range(1, 300).value();
        String callerId = v.text("callerid").maxLength(80).value();
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
