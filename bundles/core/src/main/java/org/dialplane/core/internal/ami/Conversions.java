package org.dialplane.core.internal.ami;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.event.UserEvent;
import org.asteriskjava.manager.response.CommandResponse;
import org.asteriskjava.manager.response.ManagerResponse;
import org.dialplane.core.ami.AmiEvent;
import org.dialplane.core.ami.AmiResponse;

/** Turns asterisk-java's typed responses and events into the API's name-and-fields form. */
final class Conversions {
    /** Getters that describe the Java object or asterisk-java's bookkeeping, not the AMI message. */
    private static final Set<String> NOT_FIELDS = Set.of("Class", "Source", "DateReceived", "InternalActionId",
            "SequenceNumber", "ChannelVariables", "Attributes");
    private static final Map<Class<?>, Map<String, Method>> GETTERS = new ConcurrentHashMap<>();

    private Conversions() {
    }

    /** The AMI name of an event class: {@code HangupEvent} is {@code Hangup}. */
    static String eventName(Class<?> eventClass) {
        String simple = eventClass.getSimpleName();
        return simple.endsWith("Event") ? simple.substring(0, simple.length() - "Event".length()) : simple;
    }

    static AmiEvent event(ManagerEvent event) {
        Map<String, String> fields = new LinkedHashMap<>();
        getters(event.getClass()).forEach((name, getter) -> {
            try {
                Object value = getter.invoke(event);
                if (value != null) {
                    fields.put(name, value.toString());
                }
            } catch (ReflectiveOperationException | RuntimeException unreadable) {
                // a getter that fails describes nothing the caller could use
            }
        });
        if (event instanceof UserEvent) {
            // As AMI names it: Event: UserEvent, UserEvent: <name>
            fields.put("UserEvent", eventName(event.getClass()));
            return new AmiEvent("UserEvent", fields);
        }
        return new AmiEvent(eventName(event.getClass()), fields);
    }

    static AmiResponse response(ManagerResponse response) {
        return response(response, List.of(), null);
    }

    static AmiResponse response(ResponseEvents events, Class<?> completeEventClass) {
        List<AmiEvent> items = new ArrayList<>();
        AmiEvent completion = null;
        for (ResponseEvent event : events.getEvents()) {
            if (completeEventClass.isInstance(event)) {
                completion = event(event);
            } else {
                items.add(event(event));
            }
        }
        return response(events.getResponse(), items, completion);
    }

    private static AmiResponse response(ManagerResponse response, List<AmiEvent> events, AmiEvent completion) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (response.getAttributes() != null) {
            response.getAttributes().forEach((key, value) -> {
                if (value != null) {
                    fields.put(key, value.toString());
                }
            });
        }
        List<String> output = response instanceof CommandResponse command && command.getResult() != null
                ? command.getResult() : List.of();
        boolean success = !"Error".equalsIgnoreCase(response.getResponse());
        return new AmiResponse(success, response.getMessage(), fields, output, events, completion);
    }

    private static Map<String, Method> getters(Class<?> type) {
        return GETTERS.computeIfAbsent(type, Conversions::findGetters);
    }

    private static Map<String, Method> findGetters(Class<?> type) {
        Map<String, Method> getters = new LinkedHashMap<>();
        for (Method method : type.getMethods()) {
            String name = method.getName();
            int prefix = name.startsWith("get") ? 3 : name.startsWith("is") ? 2 : 0;
            if (prefix == 0 || name.length() == prefix || method.getParameterCount() != 0
                    || Modifier.isStatic(method.getModifiers()) || method.getReturnType() == void.class) {
                continue;
            }
            String field = name.substring(prefix);
            if (!NOT_FIELDS.contains(field)) {
                getters.putIfAbsent(field, method);
            }
        }
        return getters;
    }
}
