package org.dialplane.core.internal.db;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an SQL script into statements at the semicolons that end them: not at those inside quoted strings,
 * quoted identifiers or comments. Comments are dropped. Enough for the project's own DDL files; no
 * DELIMITER support (no stored procedures there).
 */
final class SqlScript {
    private SqlScript() {
    }

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = endOfQuoted(script, i, c);
                current.append(script, i, end);
                i = end;
            } else if (c == '#' || (c == '-' && script.startsWith("--", i) && (i + 2 >= n
                    || Character.isWhitespace(script.charAt(i + 2))))) {
                int eol = script.indexOf('\n', i);
                i = eol < 0 ? n : eol;
            } else if (c == '/' && script.startsWith("/*", i)) {
                int end = script.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("Unterminated comment at offset " + i);
                }
                current.append(' ');
                i = end + 2;
            } else if (c == ';') {
                add(statements, current);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        add(statements, current);
        return statements;
    }

    /** The offset just after the closing quote of the string or identifier opened at {@code start}. */
    private static int endOfQuoted(String script, int start, char quote) {
        int i = start + 1;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2; // a doubled quote stands for itself
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException("Unterminated " + quote + " quote at offset " + start);
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
