package dev.dealeval.adapter.genius;

import dev.dealeval.domain.model.ModelException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The XML under the GENIUS reader: a parser that refuses hostile input (no DOCTYPE, so no entity tricks such as
 * XXE or billion laughs; no external resources; secure processing limits), and element and attribute lookups
 * whose every problem is a {@link ModelException} naming the element's path.
 */
final class GeniusElements {
    private GeniusElements() {}

    /** The document, or a ModelException at "xml" saying why it is refused. */
    static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // No DOCTYPE at all: entity declarations (XXE, billion laughs) never reach the parser.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            // Problems become the exception below, not "[Fatal Error]" lines on the service's stderr
            // (what a null handler does).
            b.setErrorHandler(new org.xml.sax.ErrorHandler() {
                @Override
                public void warning(org.xml.sax.SAXParseException e) {}

                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE")) {
                throw new ModelException("xml", "a DOCTYPE is not allowed (entity declarations are refused)");
            }
            throw new ModelException("xml", "is not well-formed XML: " + message);
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("XML parser unavailable", e);
        }
    }

    /** The objective element: utility_space/objective, under negotiation_template in a domain file. */
    static Element objective(Document doc) {
        Element root = doc.getDocumentElement();
        Element space = root.getTagName().equals("utility_space")
                ? root
                : children(root, "utility_space").stream()
                        .findFirst()
                        .orElseThrow(() -> new ModelException(root.getTagName(), "has no utility_space"));
        return children(space, "objective").stream()
                .findFirst()
                .orElseThrow(() -> new ModelException(path(space), "has no objective"));
    }

    /** The children of {@code parent} named {@code tag}, in document order. */
    static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The element's path from the root, e.g. {@code utility_space/objective}. */
    static String path(Element e) {
        List<String> parts = new ArrayList<>();
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            parts.add(0, el.getTagName());
        }
        return String.join("/", parts);
    }

    /** The attribute's value (possibly empty), refused at {@code at.attribute} when it is absent. */
    static String required(Element e, String attribute, String at) {
        String v = e.getAttribute(attribute);
        if (v.isEmpty() && !e.hasAttribute(attribute)) {
            throw new ModelException(at + "." + attribute, "is required");
        }
        return v;
    }

    /** A required attribute as a finite number. */
    static double number(Element e, String attribute, String at) {
        String v = required(e, attribute, at).trim();
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException nfe) {
            throw new ModelException(at + "." + attribute, "must be a finite number (is '" + v + "')");
        }
    }

    /** A required attribute as a whole number. */
    static int integer(Element e, String attribute, String at) {
        String v = required(e, attribute, at).trim();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException nfe) {
            throw new ModelException(at + "." + attribute, "must be a whole number (is '" + v + "')");
        }
    }

    /** The value of {@code root}'s first {@code tag} child, between 0 and 1; {@code dflt} when it has none. */
    static double optionalValue(Element root, String tag, double dflt, String at) {
        List<Element> found = children(root, tag);
        if (found.isEmpty()) {
            return dflt;
        }
        double v = number(found.get(0), "value", at + "/" + tag);
        if (!(v >= 0 && v <= 1)) {
            throw new ModelException(at + "/" + tag + ".value", "must be between 0 and 1");
        }
        return v;
    }
}
