package org.dialplane.core.internal.apply;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a configured command into arguments the way a shell would quote them, without a shell: spaces
 * separate arguments, single quotes keep everything literal, double quotes keep spaces, a backslash escapes
 * the next character. Nothing is expanded, so the command can never run more than the one program.
 */
final class CommandLine {
    private CommandLine() {
    }

    static List<String> split(String command) {
        List<String> argv = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArgument = false;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '\\' && i + 1 < command.length() && quote != '\'') {
                current.append(command.charAt(++i));
                inArgument = true;
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inArgument = true;
            } else if (Character.isWhitespace(c)) {
                if (inArgument) {
                    argv.add(current.toString());
                    current.setLength(0);
                    inArgument = false;
                }
            } else {
                current.append(c);
                inArgument = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unbalanced " + quote + " in command: " + command);
        }
        if (inArgument) {
            argv.add(current.toString());
        }
        return argv;
    }
}
