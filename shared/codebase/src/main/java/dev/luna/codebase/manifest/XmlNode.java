package dev.luna.codebase.manifest;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/** A small XML element tree with line numbers (StAX, no DTDs, no external entities, bounded depth). */
record XmlNode(String name, String text, int line, List<XmlNode> children) {
    private static final int MAX_DEPTH = 64;

    static XmlNode parse(String xml) throws XMLStreamException {
        var factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        var r = factory.createXMLStreamReader(new StringReader(xml));
        var stack = new ArrayList<Builder>();
        XmlNode root = null;
        try {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    if (stack.size() >= MAX_DEPTH) throw new XMLStreamException("nested deeper than " + MAX_DEPTH, r.getLocation());
                    stack.add(new Builder(r.getLocalName(), r.getLocation().getLineNumber()));
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    if (!stack.isEmpty()) stack.getLast().text.append(r.getText());
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    var b = stack.removeLast();
                    var node = new XmlNode(b.name, b.text.toString().trim(), b.line, List.copyOf(b.children));
                    if (stack.isEmpty()) root = node;
                    else stack.getLast().children.add(node);
                }
            }
        } finally {
            r.close();
        }
        if (root == null) throw new XMLStreamException("no root element");
        return root;
    }

    private static final class Builder {
        final String name;
        final int line;
        final StringBuilder text = new StringBuilder();
        final List<XmlNode> children = new ArrayList<>();

        Builder(String name, int line) {
            this.name = name;
            this.line = line;
        }
    }

    XmlNode child(String childName) {
        for (var c : children) if (c.name.equals(childName)) return c;
        return null;
    }

    List<XmlNode> all(String childName) {
        var out = new ArrayList<XmlNode>();
        for (var c : children) if (c.name.equals(childName)) out.add(c);
        return out;
    }

    String childText(String childName) {
        var c = child(childName);
        return c == null || c.text.isEmpty() ? null : c.text;
    }

    /** Children of {@code path[0]}, then of {@code path[1]} in those, and so on. */
    List<XmlNode> path(String... names) {
        List<XmlNode> level = List.of(this);
        for (var n : names) {
            var next = new ArrayList<XmlNode>();
            for (var node : level) next.addAll(node.all(n));
            level = next;
        }
        return level;
    }
}
