package org.dialplane.core.internal.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void splitsOnWhitespace() {
        assertEquals(List.of("/usr/sbin/amportal", "a", "r"), CommandLine.split("  /usr/sbin/amportal  a\tr "));
    }

    @Test
    void quotesKeepSpacesAndNothingIsExpanded() {
        assertEquals(List.of("sh", "-c", "echo $HOME; rm x", "a b", "it's"),
                CommandLine.split("sh -c 'echo $HOME; rm x' \"a b\" it\\'s"));
    }

    @Test
    void emptyQuotesAreAnArgument() {
        assertEquals(List.of("cmd", ""), CommandLine.split("cmd ''"));
    }

    @Test
    void unbalancedQuoteIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> CommandLine.split("fwconsole 'reload"));
    }
}
