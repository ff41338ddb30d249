package dev.luna.workers.codeanalysis.security;

import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * XML external entities: a parser factory created in the method is tracked with the features, attributes and
 * properties set on it; when it builds a parser (or parses) without one of the settings that disable DTDs or
 * external entities, that use is reported. Settings with non-constant values, and factories that escape to other
 * project methods, count as secure (no guessing).
 */
final class XxeCheck {
    private static final Set<String> FACTORIES = Set.of("DocumentBuilderFactory", "SAXParserFactory", "XMLInputFactory",
            "TransformerFactory", "SchemaFactory", "XMLReader", "SAXTransformerFactory");
    private static final Set<String> CREATORS = Set.of("newInstance", "newDefaultInstance", "newFactory", "newDefaultFactory",
            "createXMLReader", "newNSInstance", "newDefaultNSInstance");
    private static final Map<String, String> USES = Map.ofEntries(Map.entry("newDocumentBuilder", "DocumentBuilderFactory"),
            Map.entry("newSAXParser", "SAXParserFactory"), Map.entry("createXMLStreamReader", "XMLInputFactory"),
            Map.entry("createXMLEventReader", "XMLInputFactory"), Map.entry("newTransformer", "TransformerFactory"),
            Map.entry("newTemplates", "TransformerFactory"), Map.entry("newSchema", "SchemaFactory"),
            Map.entry("parse", "XMLReader"), Map.entry("read", "SAXReader"), Map.entry("build", "SAXBuilder"));
    static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    static final String GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    static final String PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";
    static final String SECURE_PROCESSING = "http://javax.xml.XMLConstants/feature/secure-processing";
    static final String ACCESS_DTD = "http://javax.xml.XMLConstants/property/accessExternalDTD";
    static final String ACCESS_SCHEMA = "http://javax.xml.XMLConstants/property/accessExternalSchema";
    static final String ACCESS_STYLESHEET = "http://javax.xml.XMLConstants/property/accessExternalStylesheet";
    static final String SUPPORT_DTD = "javax.xml.stream.supportDTD";
    static final String EXTERNAL_ENTITIES = "javax.xml.stream.isSupportingExternalEntities";

    private final Analysis an;

    XxeCheck(Analysis an) {
        this.an = an;
    }

    Val onCall(Expressions ex, MethodCallExpr m, String name, String rtype, Val recv, List<Val> args, State st) {
        if (CREATORS.contains(name) && rtype != null && (FACTORIES.contains(rtype) || rtype.equals("XMLReaderFactory"))) {
            String type = rtype.equals("XMLReaderFactory") ? "XMLReader" : rtype;
            if (!args.isEmpty() && !type.equals("XMLReader")) return null; // a named implementation class: not judged
            var h = HeapObj.of(HeapObj.Kind.OBJECT, type, m).withFlag("xml", true);
            return new Val(Taints.EMPTY, null, ex.ctx.newObj(st, h), type);
        }
        if (recv == null || recv.obj < 0 || !(st.heap.get(recv.obj) instanceof HeapObj h) || !h.flags().containsKey("xml")) return null;
        switch (name) {
            case "setFeature", "setAttribute", "setProperty" -> {
                if (args.size() == 2) {
                    Object key = args.get(0).constant;
                    Object value = args.get(1).constant;
                    st.heap.put(recv.obj, key instanceof String k && value != null ? h.withFlag(k, value) : h.withFlag("escaped", true));
                }
                return null;
            }
            default -> {
                String factory = USES.get(name);
                if (factory != null && factory.equals(h.type()) && !secure(h) && !resolverSet(ex.ctx.method)) {
                    an.findings.pattern("xml-parser-dtd", ex.ctx.file, m, h.type() + " is used (" + name + ") without disabling DTDs or "
                            + "external entities, so XML input can read local files or reach internal hosts (XXE).");
                }
                return null;
            }
        }
    }

    void onCreate(ObjectCreationExpr o, String type, Val v, State st) {
        if (type.equals("SAXReader") || type.equals("SAXBuilder")) st.heap.put(v.obj, st.heap.get(v.obj).withFlag("xml", true));
    }

    /** A method that installs its own entity resolver decides itself what external entities resolve to. */
    private static boolean resolverSet(com.github.javaparser.ast.Node method) {
        return method != null && method.findFirst(MethodCallExpr.class, c -> c.getNameAsString().equals("setEntityResolver")
                || c.getNameAsString().equals("setXMLResolver")).isPresent();
    }

    static boolean secure(HeapObj h) {
        Map<String, Object> f = h.flags();
        if (f.containsKey("escaped")) return true;
        for (Object v : f.values()) if (v == HeapObj.UNKNOWN_FLAG) return true;
        boolean fsp = Boolean.TRUE.equals(f.get(SECURE_PROCESSING));
        boolean noDtdAccess = "".equals(f.get(ACCESS_DTD));
        return switch (h.type()) {
            case "XMLInputFactory" -> Boolean.FALSE.equals(f.get(SUPPORT_DTD)) || Boolean.FALSE.equals(f.get(EXTERNAL_ENTITIES)) || noDtdAccess;
            case "TransformerFactory", "SAXTransformerFactory" -> noDtdAccess || "".equals(f.get(ACCESS_STYLESHEET)) || fsp;
            case "SchemaFactory" -> noDtdAccess || "".equals(f.get(ACCESS_SCHEMA)) || fsp;
            default -> Boolean.TRUE.equals(f.get(DISALLOW_DOCTYPE)) || fsp || noDtdAccess
                    || Boolean.FALSE.equals(f.get(GENERAL_ENTITIES)) && Boolean.FALSE.equals(f.get(PARAMETER_ENTITIES));
        };
    }
}
