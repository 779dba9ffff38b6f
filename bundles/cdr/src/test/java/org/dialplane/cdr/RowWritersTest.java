package org.dialplane.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RowWritersTest {

    @Test
    void whenCellsHoldCommasQuotesAndLineBreaks_thenCsvQuotesThemWithCrlfRows() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvRowWriter csv = new CsvRowWriter(out, Set.of("billsec"));
        csv.begin(List.of("clid", "userfield", "billsec"));
        csv.row(List.of("\"Zoë, Ñandú\" <201>", "a\nb", "42"));
        csv.row(Arrays.asList("plain", null, "-1"));
        csv.end();
        assertEquals("clid,userfield,billsec\r\n\"\"\"Zoë, Ñandú\"\" <201>\",\"a\nb\",42\r\nplain,,-1\r\n",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void whenTextCellLooksLikeAFormula_thenItIsNeutralisedWithAQuote() {
        for (String formula : new String[] {"=1+2", "+34911234567", "-2", "@SUM(A1)", "\tx", "\rx"}) {
            assertEquals("'" + formula, CsvRowWriter.neutralised(formula));
        }
        assertEquals("201", CsvRowWriter.neutralised("201"));
        assertEquals("", CsvRowWriter.neutralised(""));
        assertEquals("a=b", CsvRowWriter.neutralised("a=b"));
    }

    @Test
    void whenTextHoldsCharactersXmlCannotCarry_thenTheyAreDroppedAndCarriageReturnsKept() throws Exception {
        assertEquals("bellend\ttab\n", XmlRowWriter.legal("bell\u0001end\ttab\n\u0000"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XmlRowWriter xml = new XmlRowWriter(out, "cdrs", "cdr");
        xml.begin(List.of("clid", "userfield"));
        xml.row(Arrays.asList("<a & \"b\">", "x\ry"));
        xml.row(Arrays.asList(null, "z"));
        xml.end();
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><cdrs><cdr><clid>&lt;a &amp; \"b\"&gt;</clid>"
                + "<userfield>x&#13;y</userfield></cdr><cdr><clid></clid><userfield>z</userfield></cdr></cdrs>",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void whenRowsStreamedAsJson_thenNumbersAreNumbersInTheListEnvelope() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonRowWriter json = new JsonRowWriter(out, Set.of("billsec"));
        json.begin(List.of("src", "billsec"));
        json.row(List.of("201", "42"));
        json.row(Arrays.asList("202", null));
        json.end();
        assertEquals("{\"results\":[{\"src\":\"201\",\"billsec\":42},{\"src\":\"202\",\"billsec\":null}]}",
                out.toString(StandardCharsets.UTF_8));
    }
}
