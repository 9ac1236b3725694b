package org.reviewcycle.deploygate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a model's XML before anything else does, refusing a DOCTYPE outright: no document type, so
 * no external entity is fetched and no entity is expanded (XXE, "billion laughs"), and no external
 * DTD or schema is loaded. A model never needs one; the engine's parsers then read only what passed.
 */
public final class SafeXml {

    /** Why a resource is not XML we read. */
    public static final class NotReadable extends Exception {
        private static final long serialVersionUID = 1L;

        NotReadable(String reason) {
            super(reason);
        }
    }

    /** The user data key under which each element keeps the line it starts on. */
    static final String LINE = "line";
    static final String COLUMN = "column";

    private static final SAXParserFactory FACTORY = factory();
    private static final DocumentBuilderFactory DOCUMENTS = DocumentBuilderFactory.newInstance();

    private SafeXml() {
    }

    /** The line an element of a document read here starts on; 0 when unknown. */
    static int lineOf(Element element) {
        return element.getUserData(LINE) instanceof Integer line ? line : 0;
    }

    static int columnOf(Element element) {
        return element.getUserData(COLUMN) instanceof Integer column ? column : 0;
    }

    /** The document, read as above (the editors' publishing reads the same way: cycledesign.CycleDesignService). */
    public static Document parse(byte[] content) throws NotReadable {
        try {
            SAXParser parser;
            Document document;
            synchronized (FACTORY) {
                parser = FACTORY.newSAXParser();
                document = DOCUMENTS.newDocumentBuilder().newDocument();
            }
            parser.getXMLReader().setEntityResolver((publicId, systemId) -> {
                throw new SAXException("an external entity");
            });
            parser.parse(new ByteArrayInputStream(content), new DomWithLines(document));
            return document;
        } catch (SAXParseException e) {
            if (String.valueOf(e.getMessage()).contains("DOCTYPE")) {
                throw new NotReadable("the file declares a DOCTYPE, which can fetch other files (external entities) "
                        + "or blow up in size (entity expansion); a model never needs one, so none is read");
            }
            throw new NotReadable("the file is not well-formed XML (line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ")");
        } catch (SAXException e) {
            throw new NotReadable("the file is not XML that can be read safely");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser cannot be made safe", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds the DOM from the parser's events, noting where each element starts (for the refusals). */
    private static final class DomWithLines extends DefaultHandler {
        private final Document document;
        private final Deque<Node> open = new ArrayDeque<>();
        private final StringBuilder text = new StringBuilder();
        private Locator locator;

        DomWithLines(Document document) {
            this.document = document;
            open.push(document);
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            flushText();
            Element element = document.createElementNS(uri.isEmpty() ? null : uri, qName);
            for (int i = 0; i < attributes.getLength(); i++) {
                String namespace = attributes.getURI(i);
                element.setAttributeNS(namespace.isEmpty() ? null : namespace, attributes.getQName(i), attributes.getValue(i));
            }
            if (locator != null) {
                element.setUserData(LINE, locator.getLineNumber(), null);
                element.setUserData(COLUMN, locator.getColumnNumber(), null);
            }
            open.peek().appendChild(element);
            open.push(element);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            flushText();
            open.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        private void flushText() {
            if (!text.isEmpty() && open.peek() instanceof Element element) {
                element.appendChild(document.createTextNode(text.toString()));
            }
            text.setLength(0);
        }
    }

    private static SAXParserFactory factory() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            return factory;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("The JDK's XML parser cannot be made safe", e);
        }
    }
}
