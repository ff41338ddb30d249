package dev.luna.codebase.manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maven poms of one repository. Properties, dependencyManagement and pluginManagement are inherited through parents
 * found inside the repository (by relativePath, else by coordinates); imported BOMs inside the repository are
 * applied; profiles are ignored. Plugins are reported with scope {@code build}.
 */
final class PomParser {
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
    private static final int MAX_PARENTS = 16;

    private record Pom(String path, XmlNode root) {
        String groupId() {
            String g = root.childText("groupId");
            var parent = root.child("parent");
            return g != null ? g : parent == null ? null : parent.childText("groupId");
        }

        String version() {
            String v = root.childText("version");
            var parent = root.child("parent");
            return v != null ? v : parent == null ? null : parent.childText("version");
        }
    }

    private final Map<String, Pom> byPath = new LinkedHashMap<>();
    private final Map<String, Pom> byCoordinates = new HashMap<>();
    private final Map<String, Manifest> failed = new LinkedHashMap<>();

    void add(String path, String text) {
        try {
            var pom = new Pom(path, XmlNode.parse(text));
            byPath.put(path, pom);
            byCoordinates.putIfAbsent(pom.groupId() + ":" + pom.root.childText("artifactId"), pom);
        } catch (Exception | StackOverflowError e) {
            failed.put(path, new Manifest(path, "pom.xml", null, null, List.of(), List.of(problem(e))));
        }
    }

    private static String problem(Throwable e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ");
        if (e instanceof javax.xml.stream.XMLStreamException x && x.getLocation() != null) {
            return "line " + x.getLocation().getLineNumber() + ": " + msg.replaceFirst("^ParseError at \\[row,col]:\\[\\d+,\\d+] Message: ", "");
        }
        return msg;
    }

    List<Manifest> manifests(List<Module> modules) {
        var out = new ArrayList<Manifest>(failed.values());
        for (var pom : byPath.values()) out.add(manifest(pom, modules));
        return out;
    }

    private Manifest manifest(Pom pom, List<Module> modules) {
        var problems = new ArrayList<String>();
        var chain = chain(pom, problems);
        var props = properties(chain);
        var managed = new HashMap<String, String>();
        var managedPlugins = new HashMap<String, String>();
        var external = new ArrayList<String>();
        var top = chain.get(chain.size() - 1).root.child("parent");
        if (top != null) external.add("parent " + coordinates(top, props));
        for (int i = chain.size() - 1; i >= 0; i--) {
            for (var d : chain.get(i).root.path("dependencyManagement", "dependencies", "dependency")) {
                String key = resolve(d.childText("groupId"), props) + ":" + resolve(d.childText("artifactId"), props);
                if ("import".equals(d.childText("scope"))) {
                    var bom = byCoordinates.get(key);
                    if (bom != null) importBom(bom, managed, new HashSet<>());
                    else external.add("bom " + coordinates(d, props));
                } else if (d.childText("version") != null) {
                    managed.put(key, resolve(d.childText("version"), props));
                }
            }
            for (var p : chain.get(i).root.path("build", "pluginManagement", "plugins", "plugin")) {
                if (p.childText("version") != null) managedPlugins.put(pluginKey(p, props), resolve(p.childText("version"), props));
            }
        }
        var deps = new ArrayList<Dependency>();
        for (var d : pom.root.path("dependencies", "dependency")) {
            String key = resolve(d.childText("groupId"), props) + ":" + resolve(d.childText("artifactId"), props);
            String v = d.childText("version") != null ? resolve(d.childText("version"), props) : managed.get(key);
            deps.add(new Dependency("maven", key, v, Versions.exact(v), scope(d), pom.path, d.line(), true));
        }
        for (var p : pom.root.path("build", "plugins", "plugin")) {
            String key = pluginKey(p, props);
            String v = p.childText("version") != null ? resolve(p.childText("version"), props) : managedPlugins.get(key);
            deps.add(new Dependency("maven", key, v, Versions.exact(v), "build", pom.path, p.line(), true));
        }
        String dir = pom.path.contains("/") ? pom.path.substring(0, pom.path.lastIndexOf('/')) : "";
        String artifactId = pom.root.childText("artifactId");
        modules.add(new Module(artifactId == null ? dir : artifactId, "maven", dir, pom.path));
        return new Manifest(pom.path, "pom.xml", artifactId, resolve(pom.version(), props), deps, problems, external);
    }

    private static String coordinates(XmlNode node, Map<String, String> props) {
        String v = node.childText("version");
        return resolve(node.childText("groupId"), props) + ":" + resolve(node.childText("artifactId"), props) + (v == null ? "" : ":" + resolve(v, props));
    }

    private String pluginKey(XmlNode p, Map<String, String> props) {
        String g = p.childText("groupId");
        return (g == null ? "org.apache.maven.plugins" : resolve(g, props)) + ":" + resolve(p.childText("artifactId"), props);
    }

    private void importBom(Pom bom, Map<String, String> managed, HashSet<String> seen) {
        if (!seen.add(bom.path) || seen.size() > MAX_PARENTS) return;
        var chain = chain(bom, new ArrayList<>());
        var props = properties(chain);
        for (var d : bom.root.path("dependencyManagement", "dependencies", "dependency")) {
            String key = resolve(d.childText("groupId"), props) + ":" + resolve(d.childText("artifactId"), props);
            if ("import".equals(d.childText("scope"))) {
                var inner = byCoordinates.get(key);
                if (inner != null) importBom(inner, managed, seen);
            } else if (d.childText("version") != null) {
                managed.putIfAbsent(key, resolve(d.childText("version"), props));
            }
        }
    }

    /** The pom, its parent, the parent's parent… as far as they are inside the repository. */
    private List<Pom> chain(Pom pom, List<String> problems) {
        var chain = new ArrayList<Pom>();
        var seen = new HashSet<String>();
        var current = pom;
        while (current != null && seen.add(current.path) && chain.size() < MAX_PARENTS) {
            chain.add(current);
            var parent = current.root.child("parent");
            if (parent == null) break;
            current = parent(current, parent);
        }
        if (current != null && chain.size() >= MAX_PARENTS) problems.add("parent chain longer than " + MAX_PARENTS);
        return chain;
    }

    private Pom parent(Pom child, XmlNode parent) {
        String rel = parent.childText("relativePath");
        String dir = child.path.contains("/") ? child.path.substring(0, child.path.lastIndexOf('/')) : "";
        if (rel == null) rel = "../pom.xml";
        if (!rel.isEmpty()) {
            if (!rel.endsWith(".xml")) rel = rel + "/pom.xml";
            var found = byPath.get(normalize(dir.isEmpty() ? rel : dir + "/" + rel));
            if (found != null && coordinatesMatch(found, parent)) return found;
        }
        return byCoordinates.get(parent.childText("groupId") + ":" + parent.childText("artifactId"));
    }

    private static boolean coordinatesMatch(Pom pom, XmlNode parent) {
        return String.valueOf(pom.root.childText("artifactId")).equals(parent.childText("artifactId"));
    }

    static String normalize(String path) {
        var parts = new ArrayList<String>();
        for (var p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                if (parts.isEmpty()) return "../" + path;
                parts.removeLast();
            } else {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }

    private static Map<String, String> properties(List<Pom> chain) {
        var props = new HashMap<String, String>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            var props0 = chain.get(i).root.child("properties");
            if (props0 != null) for (var p : props0.children()) props.put(p.name(), p.text());
        }
        var self = chain.getFirst();
        var parent = self.root.child("parent");
        put(props, "project.groupId", self.groupId());
        put(props, "project.artifactId", self.root.childText("artifactId"));
        put(props, "project.version", self.version());
        put(props, "pom.version", self.version());
        if (parent != null) {
            put(props, "project.parent.version", parent.childText("version"));
            put(props, "project.parent.groupId", parent.childText("groupId"));
            put(props, "parent.version", parent.childText("version"));
        }
        return props;
    }

    private static void put(Map<String, String> props, String key, String value) {
        if (value != null) props.put(key, value);
    }

    static String resolve(String value, Map<String, String> props) {
        if (value == null || !value.contains("${")) return value;
        String out = value;
        for (int round = 0; round < 8 && out.contains("${"); round++) {
            Matcher m = PROPERTY.matcher(out);
            var sb = new StringBuilder();
            boolean changed = false;
            while (m.find()) {
                String v = props.get(m.group(1));
                if (v != null && !v.contains("${" + m.group(1) + "}")) changed = true;
                m.appendReplacement(sb, Matcher.quoteReplacement(v != null ? v : m.group()));
            }
            m.appendTail(sb);
            out = sb.toString();
            if (!changed) break;
        }
        return out;
    }

    private static String scope(XmlNode d) {
        if ("true".equals(d.childText("optional"))) return "optional";
        String s = d.childText("scope");
        if (s == null) return "runtime";
        return switch (s) {
            case "test" -> "dev";
            case "provided", "system" -> "provided";
            case "import" -> "build";
            default -> "runtime";
        };
    }
}
