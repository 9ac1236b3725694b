package org.reviewcycle.deploygate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a model's XML before anything else does, refusing a DOCTYPE outright: no document type, so
 * no external entity is fetched and no entity is expanded (XXE, "billion laughs"), and no external
 * DTD or schema is loaded. A model never needs one; the engine's parsers then read only what passed.
 */
final class SafeXml {

    /** Why a resource is not XML we read. */
    static final class NotReadable extends Exception {
        private static final long serialVersionUID = 1L;

        NotReadable(String reason) {
            super(reason);
        }
    }

    private static final DocumentBuilderFactory FACTORY = factory();

    private SafeXml() {
    }

    static Document parse(byte[] content) throws NotReadable {
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("an external entity");
            });
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException exception) {
                    // warnings change nothing that is read
                }

                @Override
                public void error(SAXParseException exception) throws SAXException {
                    throw exception;
                }

                @Override
                public void fatalError(SAXParseException exception) throws SAXException {
                    throw exception;
                }
            });
            return builder.parse(new ByteArrayInputStream(content));
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

    private static DocumentBuilderFactory factory() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser cannot be made safe", e);
        }
    }
}
