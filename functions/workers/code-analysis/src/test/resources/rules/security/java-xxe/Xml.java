package fixtures.xxe;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.transform.TransformerFactory;

public class Xml {
    private final DocumentBuilderFactory shared;

    Xml(DocumentBuilderFactory shared) {
        this.shared = shared;
    }

    void parse(InputStream in) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        DocumentBuilder db = dbf.newDocumentBuilder(); // ruleid: java-xxe
        db.parse(in);

        DocumentBuilderFactory safe = DocumentBuilderFactory.newInstance();
        safe.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        safe.newDocumentBuilder().parse(in); // ok: java-xxe

        DocumentBuilderFactory entities = DocumentBuilderFactory.newInstance();
        entities.setFeature("http://xml.org/sax/features/external-general-entities", false);
        entities.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        entities.newDocumentBuilder(); // ok: java-xxe

        DocumentBuilderFactory half = DocumentBuilderFactory.newInstance();
        half.setFeature("http://xml.org/sax/features/external-general-entities", false);
        half.newDocumentBuilder(); // ruleid: java-xxe

        SAXParserFactory spf = SAXParserFactory.newInstance();
        spf.newSAXParser(); // ruleid: java-xxe

        XMLInputFactory xif = XMLInputFactory.newInstance();
        xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xif.createXMLStreamReader(in); // ok: java-xxe

        XMLInputFactory open = XMLInputFactory.newFactory();
        open.createXMLStreamReader(in); // ruleid: java-xxe

        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        tf.newTransformer(); // ok: java-xxe

        TransformerFactory tf2 = TransformerFactory.newInstance();
        tf2.newTransformer(); // ruleid: java-xxe

        shared.newDocumentBuilder(); // ok: java-xxe
    }
}
