package org.dialplane.manager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.dialplane.core.ami.Ami;
import org.dialplane.core.ami.AmiAction;
import org.dialplane.core.ami.AmiEvent;
import org.dialplane.core.ami.AmiResponse;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Validation;
import org.dialplane.manager.api.ManagerService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Issabel's AMI pass-through made safe: only the actions and fields of {@link ManagerActions} reach Asterisk, for
 * global read-write callers only. Checks run before AMI is asked, so a refused request sends nothing.
 */
@Component(service = ManagerService.class)
public class AmiManagerService implements ManagerService {
    /** Time added to a synchronous Originate's own Timeout: Asterisk answers only once the call is answered. */
    private static final Duration ANSWER_MARGIN = Duration.ofSeconds(5);
    private static final Duration ORIGINATE_DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Set<String> EVENT_BOOKKEEPING = Set.of("actionid", "eventlist");
    private static final Set<String> RESPONSE_BOOKKEEPING = Set.of("actionid", "eventlist", "response", "message");

    private final Ami ami;

    @Activate
    public AmiManagerService(@Reference Ami ami) {
        this.ami = ami;
    }

    @Override
    public List<Map<String, String>> run(String name, Map<String, ?> given, Caller caller) {
        // Over HTTP core's filter has refused these already; in-process callers get the same rule here.
        caller.requireGlobal();
        caller.requireWriter();
        AllowedAction allowed = ManagerActions.find(name)
                .orElseThrow(() -> ApiException.notFound("Manager action " + name + " is unknown or not allowed"));
        Map<String, Object> fields = ManagerFields.canonical(given == null ? null : JsonBody.of(given), allowed);
        Validation v = Validation.of(JsonBody.of(fields));
        AmiAction action = allowed.builder().build(v, fields);
        v.check();
        ami.requireConnected();
        AmiResponse response = ami.call(action, timeoutOf(action));
        if (!response.success()) {
            throw new ApiException(502, "Asterisk refused " + action.name() + ": " + response.message());
        }
        return results(response);
    }

    private static Duration timeoutOf(AmiAction action) {
        if (!"Originate".equals(action.name())) {
            return Ami.DEFAULT_TIMEOUT;
        }
        String async = null;
        Duration timeout = ORIGINATE_DEFAULT_TIMEOUT;
        for (Map.Entry<String, String> field : action.fields()) {
            if (field.getKey().equals("Async")) {
                async = field.getValue();
            } else if (field.getKey().equals("Timeout")) {
                timeout = Duration.ofMillis(Long.parseLong(field.getValue()));
            }
        }
        return "true".equals(async) ? Ami.DEFAULT_TIMEOUT : timeout.plus(ANSWER_MARGIN);
    }

    /**
     * The response (Response, Message and its fields), then one item per event of its event list; a completing
     * event that carries the answer itself (DBGet's DBGetResponse) is an item too, a mere "...Complete" is not.
     */
    private static List<Map<String, String>> results(AmiResponse response) {
        List<Map<String, String>> results = new ArrayList<>();
        Map<String, String> first = new LinkedHashMap<>();
        first.put("Response", "Success");
        if (response.message() != null) {
            first.put("Message", response.message());
        }
        first.putAll(without(response.fields(), RESPONSE_BOOKKEEPING));
        results.add(first);
        response.events().forEach(event -> results.add(item(event)));
        AmiEvent completion = response.completion();
        if (completion != null && !completion.name().toLowerCase(Locale.ROOT).endsWith("complete")) {
            results.add(item(completion));
        }
        return results;
    }

    private static Map<String, String> item(AmiEvent event) {
        Map<String, String> item = new LinkedHashMap<>();
        item.put("Event", event.name());
        item.putAll(without(event.fields(), EVENT_BOOKKEEPING));
        return item;
    }

    /**
     * ActionID and EventList are the connection's own bookkeeping, meaningless to the caller; Response and
     * Message are already given in their usual spelling.
     */
    private static Map<String, String> without(Map<String, String> fields, Set<String> bookkeeping) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.keySet().removeIf(key -> bookkeeping.contains(key.toLowerCase(Locale.ROOT)));
        return copy;
    }
}
