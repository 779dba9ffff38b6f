package org.dialplane.mirta;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.dialplane.calls.api.CallService;
import org.dialplane.calls.api.OriginateRequest;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code DIAL}: rings {@code source} (or {@code exten}), which then dials {@code dest} (or {@code phone}), through
 * the calls bundle's {@link CallService#originate}; answers {@code Success|Originate successfully queued|<callid>|}.
 * Every value that reaches AMI is checked here first, by the rules of {@code POST /pbxapi/calls}: {@code var} is
 * repeatable ({@code var=callid%3D453131}) and reaches the dialplan as {@code TENANT-callid}.
 */
@Component(service = Reqtype.class)
public class DialReqtype implements Reqtype {
    static final Pattern SOURCE = Pattern.compile("[0-9]{1,20}");
    static final Pattern DEST = Pattern.compile("\\+?[0-9*#]{1,40}");
    static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9_.@-]{1,40}");
    static final Pattern TIMEOUT = Pattern.compile("[0-9]{1,3}");
    static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_]{1,40}");
    static final Pattern CALLER_ID = Pattern.compile("[^\\p{Cntrl}]{1,80}");
    static final int MAX_VARIABLES = 20;
    static final int MAX_VALUE_LENGTH = 200;
    private static final int DEFAULT_TIMEOUT_SECONDS = 30;

    private final CallService calls;

    @Activate
    public DialReqtype(@Reference CallService calls) {
        this.calls = calls;
    }

    @Override
    public String reqtype() {
        return "DIAL";
    }

    @Override
    public boolean writes(ProxyRequest request) {
        return true;
    }

    @Override
    public String help() {
        return """
                DIAL         - Dial a number and connect to another number
                               Additional parameters:
                               tenant - tenant where to place the call
                               source|exten - the extension to ring first
                               dest|phone - the number it then dials
                               var - variables to set, name%3Dvalue, repeatable; prefixed with the tenant code
                               account - the account code of the call's records, e.g. 402-DEVEL
                               dialtimeout - seconds the source may take to answer (1-300, default 30)
                               sourceclid - the caller id shown on the source phone
                """;
    }

    @Override
    public Answer handle(ProxyRequest request, Caller caller) {
        String source = checked(request, "source", request.first("source", "exten"), SOURCE,
                "an extension number (digits)");
        String dest = checked(request, "dest", request.first("dest", "phone"), DEST,
                "a number to dial (digits, * and #)");
        String account = request.matching("account", ACCOUNT, "letters, digits and _ . @ - (at most 40)");
        String timeout = request.matching("dialtimeout", TIMEOUT, "seconds, from 1 to 300");
        int seconds = timeout == null ? DEFAULT_TIMEOUT_SECONDS : Integer.parseInt(timeout);
        if (seconds < 1 || seconds > 300) {
            throw ApiException.badRequest("Invalid dialtimeout '" + timeout + "': seconds, from 1 to 300");
        }
        String callerId = request.matching("sourceclid", CALLER_ID, "one line of at most 80 characters");
        String id = calls.originate(new OriginateRequest(source, dest, account, variables(request.all("var")), seconds,
                callerId), caller);
        return Answer.success("Originate successfully queued", id);
    }

    private static String checked(ProxyRequest request, String name, String value, Pattern shape, String rule) {
        if (value == null) {
            throw ApiException.badRequest("Missing parameter " + name);
        }
        if (!shape.matcher(value).matches()) {
            throw ApiException.badRequest("Invalid " + name + " '" + Answer.oneLine(value) + "': " + rule);
        }
        return value;
    }

    /**
     * {@code var=name=value}, each. Values are single lines without commas: Asterisk splits Originate's
     * {@code Variable} on commas, so a comma would smuggle in another variable (such as AMPUSER).
     */
    static Map<String, String> variables(List<String> sent) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String var : sent) {
            if (var.isEmpty()) {
                continue;
            }
            int equals = var.indexOf('=');
            String name = equals < 0 ? var : var.substring(0, equals);
            String value = equals < 0 ? "" : var.substring(equals + 1);
            if (!VARIABLE_NAME.matcher(name).matches()) {
                throw ApiException.badRequest("Invalid var '" + Answer.oneLine(var)
                        + "': name=value, the name 1 to 40 letters, digits or _");
            }
            if (value.length() > MAX_VALUE_LENGTH || value.indexOf(',') >= 0
                    || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw ApiException.badRequest("Invalid var " + name + ": the value must be one line of at most "
                        + MAX_VALUE_LENGTH + " characters without commas");
            }
            variables.put(name, value);
        }
        if (variables.size() > MAX_VARIABLES) {
            throw ApiException.badRequest("Too many var parameters: at most " + MAX_VARIABLES);
        }
        return variables;
    }
}
