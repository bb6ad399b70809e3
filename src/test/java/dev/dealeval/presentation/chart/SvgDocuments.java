package dev.dealeval.presentation.chart;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The charts' tests read an SVG document as XML: strictly (no DTD), namespace-aware. */
public final class SvgDocuments {
    public static final String SVG_NS = "http://www.w3.org/2000/svg";

    private SvgDocuments() {}

    /** The document, or an exception when it is not well-formed XML. */
    public static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b.parse(new InputSource(new StringReader(svg)));
    }

    /** SVG elements named {@code name} directly inside each {@code <g>} of class {@code group}. */
    public static List<Element> in(Document doc, String group, String name) {
        List<Element> found = new ArrayList<>();
        for (Element g : groups(doc, group)) {
            NodeList children = g.getChildNodes();
            for (int j = 0; j < children.getLength(); j++) {
                Node c = children.item(j);
                if (c instanceof Element e && SVG_NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                    found.add(e);
                }
            }
        }
        return found;
    }

    /** The {@code <g>} elements of class {@code group}, in document order. */
    public static List<Element> groups(Document doc, String group) {
        List<Element> found = new ArrayList<>();
        NodeList gs = doc.getElementsByTagNameNS(SVG_NS, "g");
        for (int i = 0; i < gs.getLength(); i++) {
            Element g = (Element) gs.item(i);
            if (List.of(g.getAttribute("class").split(" ")).contains(group)) {
                found.add(g);
            }
        }
        return found;
    }
}
