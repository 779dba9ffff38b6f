package org.dialplane.itests;

import static org.junit.Assert.assertNotNull;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import javax.xml.parsers.DocumentBuilderFactory;

import org.dialplane.core.db.Database;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/**
 * Rows written straight into the CDR and PBX databases, as Asterisk and IssabelPBX write them, and the exports
 * parsed back with real parsers (Jackson's CSV reader, the JDK's DOM parser). Used inside the container.
 */
final class CdrTables {
    private final BundleContext context;

    CdrTables(BundleContext context) {
        this.context = context;
    }

    /** Inserts one row ({@code cdr}, {@code queue_log}) of the CDR database: column -> value. */
    void insert(String table, Map<String, ?> row) throws SQLException {
        StringJoiner columns = new StringJoiner(", ", "INSERT INTO " + table + " (", ")");
        StringJoiner marks = new StringJoiner(", ", " VALUES (", ")");
        row.keySet().forEach(column -> {
            columns.add(column);
            marks.add("?");
        });
        execute(true, columns + marks.toString(), row.values().toArray());
    }

    /** Runs one statement on the CDR database ({@code cdr} true) or the PBX's. */
    int execute(boolean cdr, String sql, Object... params) throws SQLException {
        ServiceReference<Database> reference = context.getServiceReference(Database.class);
        assertNotNull("the Database service is registered", reference);
        Database database = context.getService(reference);
        try (Connection connection = (cdr ? database.cdr() : database.pbx()).getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } finally {
            context.ungetService(reference);
        }
    }

    /** The first column of a query's rows, on the CDR database. */
    List<String> column(String sql, Object... params) throws SQLException {
        ServiceReference<Database> reference = context.getServiceReference(Database.class);
        try (Connection connection = context.getService(reference).cdr().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(1));
                }
            }
            return values;
        } finally {
            context.ungetService(reference);
        }
    }

    /** A queue of IssabelPBX's owned by a tenant (or the default one, with {@code tenantCode} null). */
    void queue(String number, String tenantCode) throws SQLException {
        execute(false, "INSERT INTO queues_config (extension, descr) VALUES (?, ?)", number, "Queue " + number);
        if (tenantCode != null) {
            execute(false, "INSERT INTO dp_tenant_objects (kind, object_id, tenant_id)"
                    + " SELECT 'queue', ?, id FROM dp_tenants WHERE code = ?", number, tenantCode);
        }
    }

    /** Every row of a CSV document, the header first, parsed by Jackson's CSV reader. */
    static List<List<String>> csv(String text) throws IOException {
        CsvMapper mapper = new CsvMapper();
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<String[]> iterator = mapper.readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(text)) {
            while (iterator.hasNext()) {
                rows.add(List.of(iterator.next()));
            }
        }
        return rows;
    }

    /** Every row element of an XML document as its child elements' text, parsed by the JDK's DOM parser. */
    static List<Map<String, String>> xml(String text, String rowElement) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        NodeList rows = document.getDocumentElement().getElementsByTagName(rowElement);
        List<Map<String, String>> parsed = new ArrayList<>();
        for (int i = 0; i < rows.getLength(); i++) {
            Map<String, String> row = new java.util.LinkedHashMap<>();
            NodeList cells = ((Element) rows.item(i)).getChildNodes();
            for (int j = 0; j < cells.getLength(); j++) {
                if (cells.item(j) instanceof Element cell) {
                    row.put(cell.getTagName(), cell.getTextContent());
                }
            }
            parsed.add(row);
        }
        return parsed;
    }
}
