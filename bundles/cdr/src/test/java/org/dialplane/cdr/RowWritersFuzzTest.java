package org.dialplane.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/**
 * Fuzzes the CSV and XML writers of call records and queue logs with any cell text: the document is always
 * well-formed and reads back as the cells were (a CSV cell neutralised against formulas, XML without the characters
 * XML 1.0 cannot carry). The input is the cells separated by U+001F; seeds in {@code RowWritersFuzzTestInputs/}.
 */
class RowWritersFuzzTest {
    private static final List<String> COLUMNS = List.of("clid", "userfield", "billsec");
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    @FuzzTest(maxDuration = "1m")
    void whenAnyCellText_thenCsvReadsBackAsTheCells(byte[] input) throws IOException {
        List<String> cells = cells(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvRowWriter writer = new CsvRowWriter(out, Set.of("billsec"));
        writer.begin(COLUMNS);
        writer.row(cells);
        writer.end();
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<String[]> read = CSV.readerFor(String[].class)
                .readValues(new ByteArrayInputStream(out.toByteArray()))) {
            read.forEachRemaining(row -> rows.add(Arrays.asList(row)));
        }
        assertEquals(2, rows.size(), out.toString(StandardCharsets.UTF_8));
        assertEquals(COLUMNS, rows.get(0));
        List<String> expected = List.of(CsvRowWriter.neutralised(cells.get(0)),
                CsvRowWriter.neutralised(cells.get(1)), cells.get(2));
        assertEquals(expected, rows.get(1));
    }

    @FuzzTest(maxDuration = "1m")
    void whenAnyCellText_thenXmlIsWellFormedAndReadsBackAsTheLegalText(byte[] input) throws Exception {
        List<String> cells = cells(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XmlRowWriter writer = new XmlRowWriter(out, "cdrs", "cdr");
        writer.begin(COLUMNS);
        writer.row(cells);
        writer.end();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setExpandEntityReferences(false);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
        Element row = (Element) document.getDocumentElement().getElementsByTagName("cdr").item(0);
        for (int i = 0; i < COLUMNS.size(); i++) {
            String text = row.getElementsByTagName(COLUMNS.get(i)).item(0).getTextContent();
            assertEquals(XmlRowWriter.legal(cells.get(i)), text, "column " + COLUMNS.get(i));
        }
    }

    /** Two text cells and a numeric one (its digits only, as a number column holds). */
    private static List<String> cells(byte[] input) {
        String[] parts = new String(input, StandardCharsets.UTF_8).split("\u001F", 3);
        String first = parts[0];
        String second = parts.length > 1 ? parts[1] : "";
        String number = parts.length > 2 ? parts[2].replaceAll("[^0-9]", "") : "0";
        return List.of(first, second, number.isEmpty() ? "0" : number);
    }
}
