package org.dialplane.responsepaths.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One recorded run of a response path: a call on one channel, its steps in the order they happened. It renders
 * itself as GETLAST answers it: {@link #pipe()} (MiRTA's table), {@link #xml()} (MiRTA's summary) and
 * {@link #asMap()} (the JSON of {@code /pbxapi}).
 *
 * @param id        the run's number; also the id of its voice file, if it left one
 * @param pathId    the response path's id
 * @param uniqueId  the caller's channel's Uniqueid
 * @param started   when its first step was recorded
 * @param ended     when the caller hung up, or {@code null} while the call is on
 * @param steps     what happened, in order
 * @param variables the path's variables now, in order: the XML answer has an element for each, empty when the
 *                  caller entered nothing
 */
public record Run(long id, String pathId, String uniqueId, Instant started, Instant ended, List<Step> steps,
        List<Variable> variables) {
    /** The header of the pipe answer, exactly as MiRTA's GETLAST sends it. */
    public static final String PIPE_HEADER = "UniqueID|Type|Type ID|Value|Type Name|Value Name";
    /** The XML answer's status while the call is on, and after. */
    public static final String ACTIVE = "ACTIVE";
    public static final String NOT_ACTIVE = "NOT ACTIVE";

    public Run {
        steps = List.copyOf(steps);
        variables = List.copyOf(variables);
    }

    public boolean active() {
        return ended == null;
    }

    /**
     * MiRTA's table: the header, then one line per step, each line ended by {@code \n}. A {@code |} or line break
     * inside a value (a caller's name) becomes a space, so that splitting a line on {@code |} always gives six
     * columns.
     */
    public String pipe() {
        StringBuilder text = new StringBuilder(PIPE_HEADER).append('\n');
        for (Step step : steps) {
            text.append(cell(uniqueId)).append('|').append(cell(step.type())).append('|').append(cell(step.typeId()))
                    .append('|').append(cell(step.value())).append('|').append(cell(step.typeName())).append('|')
                    .append(cell(step.valueName())).append('\n');
        }
        return text.toString();
    }

    /**
     * MiRTA's summary, well-formed and escaped: {@code Agent} (who answered, as {@code 105-DEVEL}), {@code Status}
     * ({@value #ACTIVE} or {@value #NOT_ACTIVE}), {@code Queue} (its name), an element per variable named by the
     * variable's name, {@code Caller} and {@code VoiceFile} (its id); empty elements for what did not happen.
     */
    public String xml() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Agent", last(Step.ANSWER, null).map(Step::value).orElse(""));
        values.put("Status", active() ? ACTIVE : NOT_ACTIVE);
        values.put("Queue", last(Step.QUEUE, null).map(s -> s.typeName().isEmpty() ? s.typeId() : s.typeName())
                .orElse(""));
        for (Map.Entry<String, String> variable : variableValues().entrySet()) {
            values.putIfAbsent(variable.getKey(), variable.getValue());
        }
        values.put("Caller", last(Step.CALLERID, null).map(Step::value).orElse(""));
        values.put("VoiceFile", last(Step.VOICEFILE, null).map(Step::typeId).orElse(""));
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Result>\n");
        values.forEach((name, value) -> xml.append('<').append(name).append('>').append(escape(value)).append("</")
                .append(name).append(">\n"));
        return xml.append("</Result>\n").toString();
    }

    /** The run as {@code /pbxapi} answers it in JSON. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("path_id", pathId);
        map.put("uniqueid", uniqueId);
        map.put("status", active() ? ACTIVE : NOT_ACTIVE);
        map.put("started", started == null ? null : started.toString());
        map.put("ended", ended == null ? null : ended.toString());
        map.put("agent", last(Step.ANSWER, null).map(Step::value).orElse(null));
        map.put("queue", last(Step.QUEUE, null).map(Step::typeId).orElse(null));
        map.put("caller", last(Step.CALLERID, null).map(Step::value).orElse(null));
        map.put("variables", variableValues());
        map.put("voicefile", last(Step.VOICEFILE, null).map(Step::typeId).orElse(null));
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Step step : steps) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("type", step.type());
            line.put("type_id", step.typeId());
            line.put("value", step.value());
            line.put("type_name", step.typeName());
            line.put("value_name", step.valueName());
            line.put("time", step.time() == null ? null : step.time().toString());
            shown.add(line);
        }
        map.put("steps", shown);
        return map;
    }

    /** Each variable's name and what the caller entered (the last entry), the path's variables first. */
    public Map<String, String> variableValues() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Variable variable : variables) {
            values.put(variable.name(), last(Step.VARIABLE, String.valueOf(variable.id())).map(Step::value)
                    .orElse(""));
        }
        for (Step step : steps) {
            if (Step.VARIABLE.equals(step.type()) && !step.typeName().isEmpty()
                    && variables.stream().noneMatch(v -> String.valueOf(v.id()).equals(step.typeId()))) {
                values.put(step.typeName(), step.value());
            }
        }
        return values;
    }

    private java.util.Optional<Step> last(String type, String typeId) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step step = steps.get(i);
            if (step.type().equals(type) && (typeId == null || typeId.equals(step.typeId()))) {
                return java.util.Optional.of(step);
            }
        }
        return java.util.Optional.empty();
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        return value.replace('|', ' ').replace('\r', ' ').replace('\n', ' ');
    }

    /** Text as XML character data: markup escaped, characters XML 1.0 cannot hold dropped. */
    private static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
