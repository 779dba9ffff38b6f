package org.dialplane.phones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    void whenRendered_thenDeclaredVariablesReplacedAndTheRestCopied() {
        Template template = Template.parse("user = {{ name }}\nurl = ${x} {{#if}} {mac}.xml {{name}}", Set.of("name",
                "if"));
        assertEquals("user = 1001\nurl = ${x} {{#if}} {mac}.xml 1001", template.render(Map.of("name", "1001"), false));
    }

    @Test
    void whenTemplateNamesUndeclaredVariable_thenRefusedNamingIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Template.parse("{{line1_secret}} {{password}}", Set.of("line1_secret")));
        assertTrue(refused.getMessage().contains("password"), refused.getMessage());
    }

    @Test
    void whenValueHoldsTemplateSyntax_thenItStaysText() {
        Template template = Template.parse("a={{name}} b={{other}}", Set.of("name", "other"));
        assertEquals("a={{other}} b=x", template.render(Map.of("name", "{{other}}", "other", "x"), false));
    }

    @Test
    void whenValueHoldsNewlinesOrXml_thenStrippedAndEscaped() {
        Template template = Template.parse("<n>{{name}}</n>", Set.of("name"));
        assertEquals("<n>a&lt;/n&gt;&amp;b</n>", template.render(Map.of("name", "a</n>\n&b"), true));
        assertEquals("<n>x = yaccount.2 = z</n>", template.render(Map.of("name", "x = y\r\naccount.2 = z"), false));
    }
}
