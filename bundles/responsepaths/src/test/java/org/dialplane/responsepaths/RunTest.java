package org.dialplane.responsepaths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.dialplane.responsepaths.api.Run;
import org.dialplane.responsepaths.api.Step;
import org.dialplane.responsepaths.api.Variable;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class RunTest {
    private static final Instant T = Instant.parse("2017-11-04T15:41:01Z");

    private static Step step(String type, String typeId, String value, String typeName, String valueName) {
        return new Step(type, typeId, value, typeName, valueName, T);
    }

    /** The seed's run: START, CALLERID, two variables, QUEUE, ANSWER, HANGUP. */
    private static Run seedRun(Instant ended) {
        return new Run(7, "19", "srv02-1509806457.625", T, ended, List.of(
                step("START", "0", "2017-11-04 15:41:01", "", ""),
                step("CALLERID", "0", "Susan <1132555678>", "", ""),
                step("VARIABLE", "85", "36985", "ClientID", ""),
                step("VARIABLE", "144", "56896", "OrderNumber", ""),
                step("QUEUE", "281", "", "supportQ", ""),
                step("ANSWER", "0", "105-DEVEL", "", "Bob"),
                step("HANGUP", "0", "", "", "")),
                List.of(new Variable(85L, "ClientID", 8), new Variable(144L, "OrderNumber", null)));
    }

    @Test
    void whenRunRenderedAsPipe_thenItIsTheSeedsTableLineByLine() {
        String[] lines = seedRun(T).pipe().split("\n");

        assertEquals(Run.PIPE_HEADER, lines[0]);
        assertEquals("srv02-1509806457.625|START|0|2017-11-04 15:41:01||", lines[1]);
        assertEquals("srv02-1509806457.625|CALLERID|0|Susan <1132555678>||", lines[2]);
        assertEquals("srv02-1509806457.625|VARIABLE|85|36985|ClientID|", lines[3]);
        assertEquals("srv02-1509806457.625|QUEUE|281||supportQ|", lines[5]);
        assertEquals("srv02-1509806457.625|ANSWER|0|105-DEVEL||Bob", lines[6]);
        assertEquals("srv02-1509806457.625|HANGUP|0|||", lines[7]);
        assertEquals(8, lines.length);
    }

    @Test
    void whenAValueHoldsAPipeOrALineBreak_thenEveryLineStillSplitsIntoSixColumns() {
        Run run = new Run(1, "2", "1.1", T, null, List.of(step("CALLERID", "0", "A|B\r\nC <1>", "", "")), List.of());

        String line = run.pipe().split("\n")[1];

        assertEquals(6, line.split("\\|", -1).length);
        assertEquals("1.1|CALLERID|0|A B  C <1>||", line);
    }

    @Test
    void whenRunRenderedAsXml_thenItParsesWithEachVariableNamedAndTheCallerEscaped() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
                new ByteArrayInputStream(seedRun(T).xml().getBytes(StandardCharsets.UTF_8)));

        assertEquals("Result", xml.getDocumentElement().getTagName());
        assertEquals("105-DEVEL", text(xml, "Agent"));
        assertEquals("NOT ACTIVE", text(xml, "Status"));
        assertEquals("supportQ", text(xml, "Queue"));
        assertEquals("36985", text(xml, "ClientID"));
        assertEquals("56896", text(xml, "OrderNumber"));
        assertEquals("Susan <1132555678>", text(xml, "Caller"));
        assertTrue(seedRun(T).xml().contains("<Caller>Susan &lt;1132555678&gt;</Caller>"));
    }

    @Test
    void whenCallIsStillOn_thenStatusIsActiveAndMissingPartsAreEmpty() throws Exception {
        Run run = new Run(3, "19", "1.2", T, null, List.of(step("START", "0", "x", "", "")),
                List.of(new Variable(85L, "ClientID", null)));

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
                new ByteArrayInputStream(run.xml().getBytes(StandardCharsets.UTF_8)));

        assertEquals("ACTIVE", text(xml, "Status"));
        assertEquals("", text(xml, "Agent"));
        assertEquals("", text(xml, "ClientID"));
        assertEquals("", text(xml, "VoiceFile"));
    }

    @Test
    void whenRunShownAsJson_thenItSummarisesAndListsTheSteps() {
        Map<String, Object> map = seedRun(T).asMap();

        assertEquals("105-DEVEL", map.get("agent"));
        assertEquals("281", map.get("queue"));
        assertEquals(Map.of("ClientID", "36985", "OrderNumber", "56896"), map.get("variables"));
        assertEquals(7, ((List<?>) map.get("steps")).size());
        assertEquals("NOT ACTIVE", map.get("status"));
    }

    private static String text(Document xml, String element) {
        return xml.getElementsByTagName(element).item(0).getTextContent();
    }
}
