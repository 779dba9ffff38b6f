package org.dialplane.customdestinations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DialplanTemplateTest {
    private static final Set<String> ALL = Set.of("param1", "param2", "param3");
    private static final List<String> EXTERNAL = List.of("Gosub(dp-custom-callerid,${param2},1)",
            "Dial(Local/${param1}@from-internal,${param3})");

    @Test
    void whenBuiltInTemplatesChecked_thenAccepted() {
        assertEquals(Optional.empty(), DialplanTemplate.problem(EXTERNAL, ALL));
        assertEquals(Optional.empty(), DialplanTemplate.problem(List.of("Goto(from-trunk,${param1},1)"),
                Set.of("param1")));
        assertEquals(Optional.empty(), DialplanTemplate.problem(List.of("Hangup()", "Dial(SIP/a&SIP/b,20,tT)",
                "Dial(Local/1@x,30,L(60000:30000))"), Set.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "System(rm -rf /)", "Set(FILE(/etc/passwd)=x)", "TrySystem(x)", "AGI(x)", "Exec(Dial(x))",
            "Dial(Local/${EXTEN}@from-internal)", "Dial(${SHELL(id)})", "Dial($[1+1])", "Dial(x);comment",
            "Dial(x)#include", "#include evil.conf", "Dial(x", "Dial(x))(", "Dial(\"x\")", "Dial(x\\y)",
            "Dial(x y)", "Dial(x|y)", "Dial(x[1])", "Dial({x})", "Dial(x)\nSystem(y)", "Dial(x\r)", "Dial x",
            "NoOp(${param4})", "NoOp(${param1)", "NoOp($param1)", "" })
    void whenTemplateHoldsWhatIsNotAPlainApplicationCall_thenRefused(String line) {
        Optional<String> problem = DialplanTemplate.problem(List.of(line), ALL);
        assertTrue(problem.isPresent(), line);
        assertTrue(problem.get().startsWith("line 1: "), problem.get());
    }

    @Test
    void whenPlaceholderNotDeclared_thenRefusedNamingIt() {
        Optional<String> problem = DialplanTemplate.problem(EXTERNAL, Set.of("param1", "param2"));
        assertEquals(Optional.of("line 2: ${param3} is not a declared parameter"), problem);
    }

    @Test
    void whenTooManyLinesOrNone_thenRefused() {
        assertTrue(DialplanTemplate.problem(List.of(), ALL).isPresent());
        assertTrue(DialplanTemplate.problem(java.util.Collections.nCopies(11, "NoOp()"), ALL).isPresent());
        assertTrue(DialplanTemplate.problem(List.of("NoOp(" + "x".repeat(200) + ")"), ALL).isPresent());
    }

    @Test
    void whenRendered_thenValuesInPlaceAndNothingElse() {
        assertEquals(List.of("Gosub(dp-custom-callerid,INCOMINGDID,1)",
                "Dial(Local/3564732920@from-internal,30)"), DialplanTemplate.render(EXTERNAL,
                        Map.of("param1", "3564732920", "param2", "INCOMINGDID", "param3", "30")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1,2", "1)", "1;2", "1\nSystem(x)", "${SHELL(id)}", "1&SIP/evil", "1|2", "$[1]",
            "1#", "1 2", "\"1\"" })
    void whenValueWouldCarryDialplanSyntax_thenRenderingRefusesIt(String value) {
        // The kinds refuse these before anything is stored; rendering is the second wall, not the first.
        for (ParamKind kind : ParamKind.values()) {
            assertFalse(kind.accepts(value), kind + " " + value);
        }
        List<String> template = List.of("Dial(Local/${param1}@from-internal)");
        Map<String, String> values = Map.of("param1", value);
        if (value.contains(",") || value.contains("&")) {
            return; // plain argument characters of a template; only the kinds keep them out of values
        }
        assertThrows(IllegalArgumentException.class, () -> DialplanTemplate.render(template, values), value);
    }

    @Test
    void whenKindsCheckValues_thenOnlyTheirOwnShapesPass() {
        assertTrue(ParamKind.NUMBER.accepts("+15551234"));
        assertFalse(ParamKind.NUMBER.accepts("++1"));
        assertFalse(ParamKind.DIGITS.accepts("+1"));
        assertTrue(ParamKind.SECONDS.accepts("600"));
        assertFalse(ParamKind.SECONDS.accepts("601"));
        assertFalse(ParamKind.SECONDS.accepts("0"));
        assertFalse(ParamKind.SECONDS.accepts("030"));
        assertTrue(ParamKind.CALLERID.accepts("INCOMINGDID"));
        assertTrue(ParamKind.CALLERID.accepts("+3912345"));
        assertFalse(ParamKind.CALLERID.accepts("incomingdid"));
        assertFalse(ParamKind.CALLERID.accepts("INCOMING,1"));
    }

    @Test
    void whenDialplanGenerated_thenOneContextPerDestinationAfterTheCallerIdContext() {
        String text = CustomDialplan.generate(Map.of(1L, EXTERNAL), List.of(new CustomDialplan.Row(67, 1,
                Map.of("param1", "3564732920", "param2", "INCOMINGDID", "param3", "30")),
                new CustomDialplan.Row(68, 9, Map.of())));
        assertTrue(text.startsWith(CustomDialplan.CALLER_ID_CONTEXT), text);
        assertTrue(text.endsWith("\n[dp-custom-67]\nexten => s,1,Gosub(dp-custom-callerid,INCOMINGDID,1)\n"
                + " same => n,Dial(Local/3564732920@from-internal,30)\n"), text);
        assertFalse(text.contains("dp-custom-68"), text);
    }

    @Test
    void whenStoredValueNoLongerRenders_thenThatDestinationIsLeftOutAndTheRestWritten() {
        String text = CustomDialplan.generate(Map.of(1L, List.of("Dial(Local/${param1}@from-internal)")),
                List.of(new CustomDialplan.Row(5, 1, Map.of("param1", "1)\nSystem(x")),
                        new CustomDialplan.Row(6, 1, Map.of("param1", "200"))));
        assertFalse(text.contains("dp-custom-5"), text);
        assertFalse(text.contains("System"), text);
        assertTrue(text.contains("[dp-custom-6]\nexten => s,1,Dial(Local/200@from-internal)\n"), text);
    }
}
