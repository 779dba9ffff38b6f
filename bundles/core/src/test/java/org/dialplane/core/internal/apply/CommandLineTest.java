package org.dialplane.core.internal.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void whenSplit_thenWhitespaceSeparatesArguments() {
        assertEquals(List.of("/usr/sbin/amportal", "a", "r"), CommandLine.split("  /usr/sbin/amportal  a\tr "));
    }

    @Test
    void whenQuoted_thenSpacesAreKeptAndNothingIsExpanded() {
        assertEquals(List.of("sh", "-c", "echo $HOME; rm x", "a b", "it's"),
                CommandLine.split("sh -c 'echo $HOME; rm x' \"a b\" it\\'s"));
    }

    @Test
    void whenQuotesAreEmpty_thenTheyAreAnArgument() {
        assertEquals(List.of("cmd", ""), CommandLine.split("cmd ''"));
    }

    @Test
    void whenQuoteIsUnbalanced_thenRejected() {
        assertThrows(IllegalArgumentException.class, () -> CommandLine.split("fwconsole 'reload"));
    }
}
