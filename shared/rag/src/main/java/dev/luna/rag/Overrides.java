package dev.luna.rag;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which chunks of a candidate list are the declarations that other candidates override. A method declared along a
 * type hierarchy ({@code AnnotationIntrospector.findTypeResolver} with a {@code return null;} body, overridden in two
 * subclasses) carries its description — the doc comment a reader writes a query from — on the base declaration, while
 * the overrides hold more code and so look more relevant to BM25 and to an embedding. The source says which is which:
 * an override is marked ({@code @Override} in Java and Groovy, the {@code override} modifier in Kotlin, Swift, C#,
 * TypeScript and Scala). Among candidates that declare a member of the same name and parameter count, the unmarked ones
 * are the declarations the marked ones override (or, in unrelated types, peers); {@link Retriever}'s re-rank gives them a
 * small prior. Plain classes of the chunk text only, so every store ranks alike.
 */
final class Overrides {
    private static final Pattern OVERRIDE_ANNOTATION = Pattern.compile("(^|\\s)@Override\\b");
    private static final Pattern OVERRIDE_MODIFIER = Pattern.compile("\\boverride\\b");
    private static final Set<String> MEMBER_KINDS = Set.of("method", "function");
    private static final int MAX_HEAD_LINES = 12;

    private Overrides() {
    }

    /**
     * The candidates that declare a member (same name and parameter count) which another candidate overrides, and are
     * not marked as overrides themselves.
     */
    static Set<Chunk> overridden(List<Chunk> candidates) {
        var groups = new HashMap<String, int[]>();
        var keys = new HashMap<Chunk, String>();
        var marked = new HashMap<Chunk, Boolean>();
        for (Chunk c : candidates) {
            String key = key(c);
            if (key == null) continue;
            boolean isOverride = isOverride(c);
            keys.put(c, key);
            marked.put(c, isOverride);
            groups.computeIfAbsent(key, k -> new int[2])[isOverride ? 1 : 0]++;
        }
        var out = new HashSet<Chunk>();
        for (Map.Entry<Chunk, String> e : keys.entrySet()) {
            int[] g = groups.get(e.getValue());
            if (!marked.get(e.getKey()) && g[1] > 0) out.add(e.getKey());
        }
        return out;
    }

    /** Name and parameter count of a member chunk ({@code find/2}), or null for other chunks. */
    static String key(Chunk c) {
        if (c.kind() == null || !MEMBER_KINDS.contains(c.kind())) return null;
        String name = KeywordFields.name(c);
        if (name == null || name.isBlank()) return null;
        return name + "/" + arity(head(c), name);
    }

    /** Whether the chunk's declaration is marked as overriding one of a supertype. */
    static boolean isOverride(Chunk c) {
        String head = head(c);
        return OVERRIDE_ANNOTATION.matcher(head).find() || OVERRIDE_MODIFIER.matcher(head).find();
    }

    /**
     * The declaration's annotations, modifiers and signature: the chunk's first lines outside comments, up to the one
     * that opens or ends the body.
     */
    static String head(Chunk c) {
        var out = new StringBuilder();
        boolean inBlock = false;
        int taken = 0;
        for (String line : c.content().split("\n", -1)) {
            String t = line.strip();
            if (inBlock) {
                if (t.contains("*/")) inBlock = false;
                continue;
            }
            if (t.isEmpty() || t.startsWith("//") || t.startsWith("*") || t.startsWith("#")) continue;
            if (t.startsWith("/*")) {
                if (!t.contains("*/")) inBlock = true;
                continue;
            }
            int lineComment = t.indexOf("//");
            if (lineComment >= 0) t = t.substring(0, lineComment);
            out.append(t).append('\n');
            if (t.contains("{") || t.endsWith(";") || t.contains("=>") || t.endsWith("=") || ++taken >= MAX_HEAD_LINES) break;
        }
        return out.toString();
    }

    /** The number of parameters in the list that follows the member's name in its declaration; -1 when there is none. */
    static int arity(String head, String name) {
        int at = -1;
        var m = Pattern.compile("\\b" + Pattern.quote(name) + "\\s*(<[^(]*>)?\\s*\\(").matcher(head);
        if (m.find()) at = m.end();
        if (at < 0) return -1;
        int depth = 0, commas = 0;
        boolean any = false;
        for (int i = at; i < head.length(); i++) {
            char ch = head.charAt(i);
            if (ch == '(' || ch == '<' || ch == '[' || ch == '{') depth++;
            else if (ch == ')' || ch == '>' || ch == ']' || ch == '}') {
                if (depth == 0) break;
                depth--;
            } else if (ch == ',' && depth == 0) commas++;
            else if (!Character.isWhitespace(ch)) any = true;
        }
        return any ? commas + 1 : 0;
    }
}
