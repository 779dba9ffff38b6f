package org.dialplane.cdr;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * XML written by the JDK's StAX writer, which escapes text: {@code <cdrs><cdr><calldate>...</calldate>...</cdr>
 * </cdrs>}, one element per column, an empty element for a null value. Characters XML 1.0 cannot carry (control
 * characters other than tab and line breaks) are dropped, so the document is always well-formed; a carriage
 * return is written {@code &#13;} so that it survives parsing.
 */
final class XmlRowWriter implements RowWriter {
    /** The JDK's own implementation: no service lookup through a class loader that OSGi may not give. */
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final OutputStream out;
    private final String root;
    private final String element;
    private XMLStreamWriter xml;
    private List<String> columns;

    XmlRowWriter(OutputStream out, String root, String element) {
        this.out = out;
        this.root = root;
        this.element = element;
    }

    @Override
    public void begin(List<String> columns) throws IOException {
        this.columns = columns;
        try {
            xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(root);
            xml.flush(); // the answer starts now; rows then go out as the buffers fill, not one packet each
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    @Override
    public void row(List<String> values) throws IOException {
        try {
            xml.writeStartElement(element);
            for (int i = 0; i < values.size(); i++) {
                xml.writeStartElement(columns.get(i));
                if (values.get(i) != null) {
                    text(legal(values.get(i)));
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    @Override
    public void end() throws IOException {
        try {
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            out.flush();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /**
     * Text, with each carriage return as a character reference: a parser turns a literal one into a line feed
     * (XML's end-of-line handling), and a CDR's text must come back as it was.
     */
    private void text(String text) throws XMLStreamException {
        int from = 0;
        for (int at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', from)) {
            xml.writeCharacters(text.substring(from, at));
            xml.writeEntityRef("#13");
            from = at + 1;
        }
        xml.writeCharacters(text.substring(from));
    }

    /** The text without the characters XML 1.0 forbids. */
    static String legal(String text) {
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 0x20 && c != 0xFFFE && c != 0xFFFF || c == '\t' || c == '\n' || c == '\r';
            if (!allowed && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            } else if (allowed && kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? text : kept.toString();
    }

    /** A failed write is an I/O failure (the client went away), whatever StAX wraps it in. */
    private static IOException failure(XMLStreamException e) {
        return e.getCause() instanceof IOException io ? io : new IOException(e);
    }
}
