package dev.gazette.render;

import dev.gazette.model.Utf8;
import dev.gazette.text.ThreadChars;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin layer over StAX for the XML files of a site (feeds, sitemap): UTF-8, the declaration
 * first, two-space indentation, and text stripped of the control characters XML 1.0 forbids.
 * Escaping is StAX's own, so nothing is ever escaped twice or not at all.
 */
final class XmlOut {
    /** What a document body writes; may throw the StAX exception. */
    @FunctionalInterface
    interface Body {
        void write(XmlOut x) throws XMLStreamException;
    }

    private final XMLStreamWriter w;
    private final TextWriter chars;
    /** The document so far, in UTF-8, up to what {@code chars} holds. */
    private final ByteArrayOutputStream bytes;

    private XmlOut(XMLStreamWriter w, TextWriter chars, ByteArrayOutputStream bytes) {
        this.w = w;
        this.chars = chars;
        this.bytes = bytes;
    }

    /** Moves the characters written so far to the bytes, encoded. */
    private void encodeWritten() {
        bytes.writeBytes(Utf8.bytes(chars.text));
        chars.text.setLength(0);
    }

    /** A whole UTF-8 document whose root element {@code body} writes (at depth 0), ending with a newline. */
    static byte[] document(Body body) {
        // Written to characters, encoded to UTF-8 in runs (at the end, and before a fragment's
        // bytes are copied in): StAX's own UTF-8 stream writer encodes and checks one character
        // at a time, which made feeds slow to write.
        // StAX escapes text one character at a time: a StringWriter would take its lock for each.
        TextWriter chars = new TextWriter(16 * 1024);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(chars);
            w.writeStartDocument("UTF-8", "1.0");
            XmlOut x = new XmlOut(w, chars, bytes);
            body.write(x);
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
            x.encodeWritten();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /**
     * A part of a document, as {@link #xml} takes it: what {@code body} writes, without the
     * declaration. Prefixed names are written as they are; the document declares their namespaces.
     */
    static byte[] fragment(Body body) {
        TextWriter chars = TextWriter.borrowed(8 * 1024);
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(chars);
            body.write(new XmlOut(w, chars, null));
            w.flush();
            return Utf8.bytes(chars.text);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML: " + e.getMessage(), e);
        } finally {
            chars.giveBack();
        }
    }

    /** Copies a {@link #fragment} (UTF-8) into the document here. */
    XmlOut xml(byte[] fragment) throws XMLStreamException {
        w.writeCharacters("");   // closes a start tag still open, as any content would
        w.flush();
        encodeWritten();
        bytes.writeBytes(fragment);
        return this;
    }

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newInstance();

    /** The underlying writer, for namespaces and attributes. */
    XMLStreamWriter raw() {
        return w;
    }

    /** Opens an element on a new line at {@code depth}. */
    XmlOut start(int depth, String name) throws XMLStreamException {
        return open(depth, false, null, name, null);
    }

    XmlOut start(int depth, String prefix, String name, String ns) throws XMLStreamException {
        return open(depth, false, prefix, name, ns);
    }

    /** Closes the innermost element, on a new line at {@code depth} (or on the same line when negative). */
    XmlOut end(int depth) throws XMLStreamException {
        if (depth >= 0) {
            indent(depth);
        }
        w.writeEndElement();
        return this;
    }

    XmlOut attribute(String name, String value) throws XMLStreamException {
        w.writeAttribute(name, xmlSafe(value));
        return this;
    }

    XmlOut text(String text) throws XMLStreamException {
        if (text.length() < LONG_TEXT) {
            w.writeCharacters(xmlSafe(text));
            return this;
        }
        w.writeCharacters("");   // closes a start tag still open, as any content would
        w.flush();
        escape(text, chars.text);
        return this;
    }

    /** Characters {@link #escape} reads at a time, into the thread's array. */
    private static final int CHUNK = 4096;
    private static final ThreadChars CHUNKS = new ThreadChars(CHUNK);

    /** From this length on, text is escaped here rather than by StAX: a feed item's whole body, read once. */
    static final int LONG_TEXT = 256;

    /**
     * {@code text} as StAX writes {@link #xmlSafe} of it: {@code < & >} escaped, the control
     * characters XML 1.0 forbids dropped. StAX reads the text a character at a time through
     * {@code charAt}, whose index checks the client compiler keeps; this reads it in chunks.
     */
    static void escape(String text, StringBuilder out) {
        int n = text.length();
        char[] chunk = CHUNKS.atLeast(CHUNK);
        for (int from = 0; from < n; from += CHUNK) {
            int length = Math.min(CHUNK, n - from);
            text.getChars(from, from + length, chunk, 0);
            int run = 0;
            for (int i = 0; i < length; i++) {
                char c = chunk[i];
                String reference;
                if (c == '<') {
                    reference = "&lt;";
                } else if (c == '&') {
                    reference = "&amp;";
                } else if (c == '>') {
                    reference = "&gt;";
                } else if (c >= 0x20 ? c < 0xFFFE : c == '\t' || c == '\n' || c == '\r') {
                    continue;
                } else {
                    reference = "";   // forbidden in XML 1.0, as xmlSafe drops it
                }
                out.append(chunk, run, i - run).append(reference);
                run = i + 1;
            }
            out.append(chunk, run, length - run);
        }
    }

    /** {@code <name>text</name>} on its own line; nothing at all when {@code text} is null. */
    XmlOut element(int depth, String name, String text) throws XMLStreamException {
        if (text != null) {
            start(depth, name).text(text).end(-1);
        }
        return this;
    }

    XmlOut element(int depth, String prefix, String name, String ns, String text) throws XMLStreamException {
        if (text != null) {
            start(depth, prefix, name, ns).text(text).end(-1);
        }
        return this;
    }

    /** An element without content, such as {@code <link href="..."/>}; attributes follow with {@link #attribute}. */
    XmlOut empty(int depth, String name) throws XMLStreamException {
        return open(depth, true, null, name, null);
    }

    XmlOut empty(int depth, String prefix, String name, String ns) throws XMLStreamException {
        return open(depth, true, prefix, name, ns);
    }

    private XmlOut open(int depth, boolean empty, String prefix, String name, String ns) throws XMLStreamException {
        indent(depth);
        if (ns == null && empty) {
            w.writeEmptyElement(name);
        } else if (ns == null) {
            w.writeStartElement(name);
        } else if (empty) {
            w.writeEmptyElement(prefix, name, ns);
        } else {
            w.writeStartElement(prefix, name, ns);
        }
        return this;
    }

    private void indent(int depth) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** Drops the control characters XML 1.0 forbids; a stray one would make the whole file unreadable. */
    static String xmlSafe(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || Character.isSurrogate(c);
            if (!ok) {
                if (sb == null) {
                    sb = new StringBuilder(text.substring(0, i));
                }
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }
}
