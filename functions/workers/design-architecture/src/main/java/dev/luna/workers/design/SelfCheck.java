package dev.luna.workers.design;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A light check of what the worker generated, before it reports success (the tests run the real parsers): every
 * Mermaid diagram starts with a known type, has balanced quotes, brackets and braces, declares every identifier it
 * relates; the Structurizr DSL has balanced braces and quotes and relates only identifiers it assigned; no file holds an
 * unfilled template slot. Problems are {@code file:line: message} strings.
 */
final class SelfCheck {
    static final Set<String> DIAGRAM_TYPES = Set.of("C4Context", "C4Container", "C4Component", "C4Deployment", "flowchart LR", "sequenceDiagram");
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern C4_ELEMENT = Pattern.compile("^\\s*(?:Person|System|System_Ext|SystemDb_Ext|SystemQueue_Ext|System_Boundary|Container"
            + "|Container_Ext|ContainerDb_Ext|ContainerQueue_Ext|Container_Boundary|Component|Deployment_Node)\\(([^,]*),");
    private static final Pattern C4_REL = Pattern.compile("^\\s*Rel\\(([^,]*),\\s*([^,]*),");
    private static final Pattern FLOW_NODE = Pattern.compile("^\\s*(?:subgraph )?([A-Za-z][A-Za-z0-9_]*)\\[\"");
    private static final Pattern FLOW_EDGE = Pattern.compile("^\\s*([^\\s]+) -\\.?->\\|\\d+\\| ([^\\s]+)$");
    private static final Pattern SEQ_PARTICIPANT = Pattern.compile("^\\s*(?:actor|participant) ([^\\s]+) as ");
    private static final Pattern SEQ_MESSAGE = Pattern.compile("^\\s*([^\\s]+)->>([^:]+): ");
    private static final Pattern DSL_ASSIGN = Pattern.compile("^\\s*([A-Za-z0-9_-]+) = ");
    private static final Pattern DSL_REL = Pattern.compile("^\\s*([A-Za-z0-9_-]+) -> ([A-Za-z0-9_-]+) ");
    private static final Pattern SLOT = Pattern.compile("\\{\\{[^}]*}}");

    private SelfCheck() {
    }

    static List<String> mermaid(String file, String text) {
        var problems = new ArrayList<String>();
        var lines = text.split("\n", -1);
        if (!DIAGRAM_TYPES.contains(lines[0])) problems.add(file + ":1: unknown diagram type " + lines[0]);
        var declared = new HashSet<String>();
        var used = new ArrayList<String[]>();
        int braces = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String at = file + ":" + (i + 1) + ": ";
            if (count(line, '"') % 2 != 0) problems.add(at + "unbalanced quotes");
            String outside = line.replaceAll("\"[^\"]*\"", "\"\"");
            if (count(outside, '(') != count(outside, ')')) problems.add(at + "unbalanced parentheses");
            if (count(outside, '[') != count(outside, ']')) problems.add(at + "unbalanced brackets");
            braces += count(outside, '{') - count(outside, '}');
            if (braces < 0) problems.add(at + "a closing brace without an opening one");
            if (SLOT.matcher(line).find()) problems.add(at + "an unfilled template slot");
            if (line.strip().startsWith("title ") && line.matches(".*[;#%`\"{}<>].*")) problems.add(at + "a title with a character Mermaid reads as syntax");
            collect(C4_ELEMENT, line, declared);
            collect(FLOW_NODE, line, declared);
            collect(SEQ_PARTICIPANT, line, declared);
            for (var p : List.of(C4_REL, FLOW_EDGE, SEQ_MESSAGE)) {
                var m = p.matcher(line);
                if (m.find()) used.add(new String[] {at, m.group(1).strip(), m.group(2).strip()});
            }
        }
        if (braces != 0) problems.add(file + ": unbalanced braces");
        for (var id : declared) if (!ID.matcher(id).matches()) problems.add(file + ": identifier '" + id + "' is not [A-Za-z][A-Za-z0-9_]*");
        for (var u : used) {
            for (int k = 1; k <= 2; k++) if (!declared.contains(u[k])) problems.add(u[0] + "'" + u[k] + "' is used but not declared");
        }
        return problems;
    }

    static List<String> dsl(String file, String text) {
        var problems = new ArrayList<String>();
        var lines = text.split("\n", -1);
        var assigned = new HashSet<String>();
        var used = new ArrayList<String[]>();
        int braces = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String at = file + ":" + (i + 1) + ": ";
            if (count(line, '"') % 2 != 0) problems.add(at + "unbalanced quotes");
            String outside = line.replaceAll("\"[^\"]*\"", "\"\"");
            braces += count(outside, '{') - count(outside, '}');
            if (braces < 0) problems.add(at + "a closing brace without an opening one");
            if (SLOT.matcher(line).find()) problems.add(at + "an unfilled template slot");
            var a = DSL_ASSIGN.matcher(line);
            if (a.find()) assigned.add(a.group(1));
            var r = DSL_REL.matcher(line);
            if (r.find()) used.add(new String[] {at, r.group(1), r.group(2)});
            if (line.strip().startsWith("containerInstance ")) used.add(new String[] {at, line.strip().substring(18).strip(), line.strip().substring(18).strip()});
        }
        if (braces != 0) problems.add(file + ": unbalanced braces");
        for (var u : used) for (int k = 1; k <= 2; k++) if (!assigned.contains(u[k])) problems.add(u[0] + "'" + u[k] + "' is used but not assigned");
        return problems;
    }

    static List<String> markdown(String file, String text) {
        var problems = new ArrayList<String>();
        var lines = text.split("\n", -1);
        int fences = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("```")) fences++;
            if (SLOT.matcher(lines[i]).find()) problems.add(file + ":" + (i + 1) + ": an unfilled template slot");
        }
        if (fences % 2 != 0) problems.add(file + ": an unclosed code fence");
        return problems;
    }

    private static void collect(Pattern p, String line, Set<String> into) {
        var m = p.matcher(line);
        if (m.find()) into.add(m.group(1).strip());
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }
}
