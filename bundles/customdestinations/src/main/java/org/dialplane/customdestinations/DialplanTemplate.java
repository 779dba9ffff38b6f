package org.dialplane.customdestinations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A custom type's template: dialplan application calls, one a line, where {@code ${param1}}..{@code ${param3}}
 * stand for the destination's values. Strict substitution, never evaluation: a line is an allowed application
 * and its arguments, made only of letters, digits, {@code _ - + * . / @ : , = &}, balanced parentheses and the
 * placeholders of declared parameters; no {@code $} otherwise (no channel variable, function or expression), no
 * {@code #}, {@code ;}, quotes, brackets, braces, backslashes, spaces or control characters. The rendered lines
 * are checked again by the same rules without placeholders, so a value that slipped past its kind still fails.
 */
final class DialplanTemplate {
    static final int MAX_LINES = 10;
    static final int MAX_LINE_LENGTH = 200;
    /**
     * The applications a template may call: call handling only. {@code System}, {@code Set} (which writes files
     * through functions), {@code Exec}, {@code AGI}, {@code Macro} and the rest are refused.
     */
    static final Set<String> APPLICATIONS = Set.of("answer", "background", "busy", "congestion", "dial", "gosub",
            "goto", "hangup", "musiconhold", "noop", "playback", "playtones", "progress", "queue", "ringing",
            "saydigits", "saynumber", "voicemail", "wait");
    static final List<String> PARAMETERS = List.of("param1", "param2", "param3");

    private static final Pattern CALL = Pattern.compile("([A-Za-z][A-Za-z0-9]{0,30})\\((.*)\\)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)\\}");
    private static final Pattern ARGUMENT = Pattern.compile("[A-Za-z0-9_\\-+*./@:,=&()]*");

    private DialplanTemplate() {
    }

    /**
     * What is wrong with a template whose parameters are those declared; empty when nothing is. The message
     * names the line (from 1) and the fault.
     */
    static Optional<String> problem(List<String> lines, Set<String> declared) {
        if (lines == null || lines.isEmpty()) {
            return Optional.of("must have at least one application call");
        }
        if (lines.size() > MAX_LINES) {
            return Optional.of("must have at most " + MAX_LINES + " lines");
        }
        for (int i = 0; i < lines.size(); i++) {
            Optional<String> problem = lineProblem(lines.get(i), declared);
            if (problem.isPresent()) {
                return Optional.of("line " + (i + 1) + ": " + problem.get());
            }
        }
        return Optional.empty();
    }

    /** The dialplan lines of a destination: the template with its values in place, each line checked again. */
    static List<String> render(List<String> lines, Map<String, String> values) {
        List<String> rendered = new ArrayList<>();
        for (String line : lines) {
            String text = line;
            for (String parameter : PARAMETERS) {
                text = text.replace("${" + parameter + "}", values.getOrDefault(parameter, ""));
            }
            Optional<String> problem = lineProblem(text, Set.of());
            if (problem.isPresent()) {
                throw new IllegalArgumentException("Rendered dialplan refused (" + problem.get() + "): " + text);
            }
            rendered.add(text);
        }
        return rendered;
    }

    /** The template as stored: one line each. */
    static String join(List<String> lines) {
        return String.join("\n", lines);
    }

    static List<String> split(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split("\n", -1));
    }

    private static Optional<String> lineProblem(String line, Set<String> declared) {
        if (line == null || line.isEmpty() || line.length() > MAX_LINE_LENGTH) {
            return Optional.of("must be an application call of 1 to " + MAX_LINE_LENGTH + " characters");
        }
        Matcher call = CALL.matcher(line);
        if (!call.matches()) {
            return Optional.of("must be one application call, such as Dial(Local/${param1}@from-internal,30)");
        }
        if (!APPLICATIONS.contains(call.group(1).toLowerCase(Locale.ROOT))) {
            return Optional.of(call.group(1) + " is not an allowed application (allowed: answer, background, busy,"
                    + " congestion, dial, gosub, goto, hangup, musiconhold, noop, playback, playtones, progress,"
                    + " queue, ringing, saydigits, saynumber, voicemail, wait)");
        }
        Matcher placeholder = PLACEHOLDER.matcher(call.group(2));
        StringBuilder rest = new StringBuilder();
        while (placeholder.find()) {
            if (!declared.contains(placeholder.group(1))) {
                return Optional.of("${" + placeholder.group(1) + "} is not a declared parameter");
            }
            placeholder.appendReplacement(rest, "x");
        }
        placeholder.appendTail(rest);
        String arguments = rest.toString();
        if (!ARGUMENT.matcher(arguments).matches()) {
            return Optional.of("arguments may hold only letters, digits, _ - + * . / @ : , = &, parentheses and"
                    + " ${paramN} placeholders");
        }
        int depth = 0;
        for (char c : arguments.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                break;
            }
        }
        return depth == 0 ? Optional.empty() : Optional.of("parentheses must be balanced");
    }
}
