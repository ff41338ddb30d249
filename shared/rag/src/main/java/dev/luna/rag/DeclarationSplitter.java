package dev.luna.rag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Declaration-level splitting for languages without a Java parser on Maven Central (Kotlin, JavaScript/TypeScript,
 * Go, Swift, Rust, C-like; Python by indentation). It recognises declarations (types, functions, methods) at the top
 * level and one level inside a type by per-language patterns, finds their extent by brace depth (string literals and
 * comments skipped) or indentation, attaches the comments and annotations directly above, and gives the lines between
 * declarations (imports, statements) their own units. It is a splitter, not a parser: unusual formatting can merge
 * two declarations into one unit, never lose lines.
 */
final class DeclarationSplitter {
    private static final String MODS = "(?:(?:public|private|protected|internal|open|override|abstract|final|data|sealed|inline|suspend|"
            + "static|export|default|async|declare|readonly|fileprivate|mutating|lateinit|companion|enum|value|pub(?:\\([a-z]+\\))?|unsafe|extern|const)\\s+)*";
    private static final Map<String, Pattern> DECL = Map.of(
            "kotlin", Pattern.compile("^\\s*" + MODS + "(fun|class|interface|object|typealias)\\s+(?:<[^>]*>\\s*)?(?:[\\w.]+\\.)?(\\w+)"),
            "javascript", Pattern.compile("^\\s*" + MODS + "(?:(function\\*?|class)\\s+(\\w+)|(?:const|let|var)\\s+(\\w+)\\s*=\\s*(?:async\\s*)?(?:function|\\([^)]*\\)\\s*=>|\\w+\\s*=>)|(?:get\\s+|set\\s+|static\\s+)?(\\w+)\\s*\\([^;]*\\)\\s*\\{\\s*$)"),
            "typescript", Pattern.compile("^\\s*" + MODS + "(?:(function\\*?|class|interface|enum|type|namespace)\\s+(\\w+)|(?:const|let|var)\\s+(\\w+)\\s*(?::[^=]+)?=\\s*(?:async\\s*)?(?:function|\\([^)]*\\)\\s*(?::[^=]+)?=>|\\w+\\s*=>)|(?:get\\s+|set\\s+|static\\s+)?(\\w+)\\s*(?:<[^>]*>)?\\([^;]*\\)\\s*(?::\\s*[^{;]+)?\\{\\s*$)"),
            "go", Pattern.compile("^(func)\\s+(?:\\([^)]*\\)\\s*)?(\\w+)|^(type)\\s+(\\w+)"),
            "swift", Pattern.compile("^\\s*(?:@\\w+\\s+)*" + MODS + "(func|class|struct|enum|protocol|extension|actor|init)\\b\\s*(\\w*)"),
            "rust", Pattern.compile("^\\s*" + MODS + "(fn|struct|enum|trait|impl|mod)\\b\\s*(?:<[^>]*>\\s*)?(\\w+)"),
            "c", Pattern.compile("^[A-Za-z_][\\w\\s\\*]*\\s\\**(\\w+)\\s*\\([^;]*$"),
            "cpp", Pattern.compile("^\\s*(?:class|struct|namespace)\\s+(\\w+)|^[A-Za-z_][\\w\\s\\*:<>,&]*\\s[\\*&]*([\\w:~]+)\\s*\\([^;]*$"),
            "groovy", Pattern.compile("^\\s*" + MODS + "(?:class|interface|def)\\s+(\\w+)"));
    private static final Pattern CONTROL = Pattern.compile("^\\s*(?:if|for|while|switch|catch|else|return|do|try|when|guard|defer)\\b.*");
    private static final Pattern CONTAINER = Pattern.compile(".*\\b(class|interface|object|struct|enum|protocol|extension|impl|trait|namespace|actor|type)\\b.*");

    record Decl(String symbol, String kind, int start, int end, int depth) {
    }

    private DeclarationSplitter() {
    }

    static List<Chunker.Unit> braces(String language, String[] lines) {
        Pattern pattern = DECL.getOrDefault(language, DECL.get("kotlin"));
        int n = lines.length;
        int[] depthBefore = new int[n + 2];
        int[] depthAfter = new int[n + 2];
        boolean[] opens = new boolean[n + 2];
        var state = new LexState();
        for (int i = 1; i <= n; i++) {
            depthBefore[i] = state.depth;
            int before = state.depth;
            int maxSeen = state.scan(lines[i - 1]);
            opens[i] = maxSeen > before;
            depthAfter[i] = state.depth;
        }
        var decls = new ArrayList<Decl>();
        for (int i = 1; i <= n; i++) {
            if (depthBefore[i] > 1 || state.inBlockAt(i)) continue;
            String line = lines[i - 1];
            if (CONTROL.matcher(line).matches()) continue;
            Matcher m = pattern.matcher(line);
            if (!m.find()) continue;
            String symbol = null;
            for (int g = m.groupCount(); g >= 1; g--) {
                String v = m.group(g);
                if (v != null && !v.isBlank() && v.matches("[\\w:~]+") && !v.matches("fun|class|interface|object|function\\*?|func|type|struct|enum|fn|impl|trait|mod|protocol|extension|actor|init|typealias|namespace")) {
                    symbol = v;
                    break;
                }
            }
            if (symbol == null && line.contains("init")) symbol = "init";
            if (symbol == null) continue;
            int d = depthBefore[i];
            int end = i;
            boolean opened = false;
            for (int j = i; j <= n; j++) {
                if (opens[j] || depthAfter[j] > d) opened = true;
                if (opened && depthAfter[j] <= d) {
                    end = j;
                    break;
                }
                if (!opened && j > i + 3) break; // a declaration without a body
                if (!opened && (lines[j - 1].trim().endsWith(";") || (j == i && !lines[j - 1].trim().endsWith(",") && !lines[j - 1].trim().endsWith("(")))) {
                    end = j;
                    if (j == i && !lines[j - 1].contains("{") && j < n && lines[j].trim().startsWith("{")) continue;
                    break;
                }
                end = j;
            }
            String kind = CONTAINER.matcher(line.replaceAll("\\(.*", "")).matches() ? "type" : "function";
            decls.add(new Decl(symbol, kind, withLeadingComments(lines, i), end, d));
        }
        return toUnits(decls, n);
    }

    static List<Chunker.Unit> python(String[] lines) {
        Pattern def = Pattern.compile("^(\\s*)(?:async\\s+)?(def|class)\\s+(\\w+)");
        int n = lines.length;
        var decls = new ArrayList<Decl>();
        for (int i = 1; i <= n; i++) {
            Matcher m = def.matcher(lines[i - 1]);
            if (!m.find()) continue;
            int indent = m.group(1).replace("\t", "    ").length();
            if (indent > 4) continue;
            int end = i;
            for (int j = i + 1; j <= n; j++) {
                String l = lines[j - 1];
                if (l.isBlank()) continue;
                int ind = l.length() - l.stripLeading().length();
                if (ind <= indent && !l.stripLeading().startsWith(")")) break;
                end = j;
            }
            decls.add(new Decl(m.group(3), m.group(2).equals("class") ? "type" : "function", withLeadingComments(lines, i), end, indent == 0 ? 0 : 1));
        }
        return toUnits(decls, n);
    }

    /** Includes comment, doc and annotation/decorator lines directly above a declaration. */
    private static int withLeadingComments(String[] lines, int line) {
        int start = line;
        while (start > 1) {
            String prev = lines[start - 2].trim();
            if (prev.startsWith("//") || prev.startsWith("/*") || prev.startsWith("*") || prev.endsWith("*/") || prev.startsWith("@")
                    || prev.startsWith("#[") || prev.startsWith("#")) {
                start--;
            } else {
                break;
            }
        }
        return start;
    }

    /** Containers become a header unit up to their first member; members and top-level functions their own units; gaps text units. */
    private static List<Chunker.Unit> toUnits(List<Decl> decls, int lineCount) {
        decls.sort(Comparator.comparingInt(Decl::start));
        var units = new ArrayList<Chunker.Unit>();
        int covered = 0;
        for (int k = 0; k < decls.size(); k++) {
            Decl d = decls.get(k);
            if (d.start() <= covered) continue;
            if (d.start() > covered + 1) units.add(new Chunker.Unit(null, "text", covered + 1, d.start() - 1));
            // members inside this declaration
            var members = new ArrayList<Decl>();
            for (int j = k + 1; j < decls.size(); j++) {
                Decl m = decls.get(j);
                if (m.start() > d.end()) break;
                if (m.depth() > d.depth() && (members.isEmpty() || m.start() > members.get(members.size() - 1).end())) members.add(m);
            }
            if (members.isEmpty()) {
                units.add(new Chunker.Unit(d.symbol(), d.kind(), d.start(), d.end()));
            } else {
                units.add(new Chunker.Unit(d.symbol(), d.kind(), d.start(), members.get(0).start() - 1));
                int inner = members.get(0).start() - 1;
                for (Decl m : members) {
                    if (m.start() > inner + 1) units.add(new Chunker.Unit(d.symbol(), d.kind(), inner + 1, m.start() - 1));
                    int end = Math.min(m.end(), d.end());
                    units.add(new Chunker.Unit(d.symbol() + "." + m.symbol(), m.kind(), m.start(), end));
                    inner = end;
                }
                if (d.end() > inner) units.add(new Chunker.Unit(d.symbol(), d.kind(), inner + 1, d.end()));
            }
            covered = Math.max(covered, d.end());
        }
        if (covered < lineCount) units.add(new Chunker.Unit(null, "text", covered + 1, lineCount));
        return units;
    }

    /** Brace depth across lines, skipping string literals and comments. */
    private static final class LexState {
        int depth;
        boolean blockComment;
        private final java.util.BitSet blockStart = new java.util.BitSet();
        private int line;

        boolean inBlockAt(int l) {
            return blockStart.get(l);
        }

        int scan(String s) {
            line++;
            if (blockComment) blockStart.set(line);
            int max = depth;
            char quote = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
                if (blockComment) {
                    if (c == '*' && next == '/') {
                        blockComment = false;
                        i++;
                    }
                } else if (quote != 0) {
                    if (c == '\\') i++;
                    else if (c == quote) quote = 0;
                } else if (c == '/' && next == '/') {
                    break;
                } else if (c == '/' && next == '*') {
                    blockComment = true;
                    i++;
                } else if (c == '"' || c == '\'' || c == '`') {
                    quote = c;
                } else if (c == '{') {
                    depth++;
                    max = Math.max(max, depth);
                } else if (c == '}') {
                    depth = Math.max(0, depth - 1);
                }
            }
            return max;
        }
    }
}
