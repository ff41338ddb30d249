package dev.luna.rag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Shrinks a prompt and its contexts while keeping what the model needs, cheapest-loss first, stopping as soon as a
 * target is met: (1) dedupe — repeated contexts and repeated paragraphs of the prompt; (2) whitespace — trailing
 * blanks, runs of empty lines, and deep indentation of brace languages (never of Python, YAML or Markdown); (3)
 * comments — line and block comments of code contexts (string literals respected; Python docstrings kept); (4)
 * signature-only — bodies of the least relevant code contexts replaced by {@code { … }}, never for contexts at or above
 * {@code keepRelevance}. Counts are from the real tokenizer ({@link Tokens}).
 */
public final class TokenOptimizer {
    public record Input(String prompt, List<Item> contexts, Integer targetTokens, Double keepRelevance) {
    }

    public record Item(String id, String path, String language, String content, Double relevanceScore) {
    }

    public record Step(String strategy, int tokensSaved) {
    }

    public record Result(String prompt, List<Item> contexts, int tokensBefore, int tokensAfter, int savedTokens, double savingsRatio,
                         List<Step> strategies, boolean targetMet, String tokenizer, List<String> notApplied) {
    }

    private static final Set2 INDENT_SENSITIVE = new Set2("python", "yaml", "markdown", "text", "haskell", "makefile");

    private record Set2(String... values) {
        boolean has(String v) {
            for (String s : values) if (s.equals(v)) return true;
            return false;
        }
    }

    public Result optimize(Input input) {
        String prompt = input.prompt() == null ? "" : input.prompt();
        var items = new ArrayList<Item>();
        if (input.contexts() != null) {
            for (Item i : input.contexts()) {
                String lang = i.language() != null ? i.language() : i.path() != null ? Languages.of(i.path()) : "text";
                items.add(new Item(i.id(), i.path(), lang, i.content() == null ? "" : i.content(), i.relevanceScore()));
            }
        }
        double keep = input.keepRelevance() == null ? 0.5 : input.keepRelevance();
        Integer target = input.targetTokens();
        int before = total(prompt, items);
        var steps = new ArrayList<Step>();
        int current = before;

        // 1. dedupe
        var seen = new HashSet<String>();
        var deduped = new ArrayList<Item>();
        for (Item i : items) if (seen.add(normalise(i.content()))) deduped.add(i);
        String dedupedPrompt = dedupeParagraphs(prompt);
        current = record(steps, "dedupe", current, total(dedupedPrompt, deduped));
        prompt = dedupedPrompt;
        items = deduped;

        // 2. whitespace
        if (!met(current, target)) {
            prompt = whitespace(prompt, "text");
            items.replaceAll(i -> with(i, whitespace(i.content(), i.language())));
            current = record(steps, "whitespace", current, total(prompt, items));
        }
        // 3. comments
        if (!met(current, target)) {
            items.replaceAll(i -> Languages.isCode(i.language()) ? with(i, whitespace(stripComments(i.content(), i.language()), i.language())) : i);
            current = record(steps, "comments", current, total(prompt, items));
        }
        // 4. imports and package lines of code contexts (names stay in the code; where they come from rarely matters)
        if (!met(current, target)) {
            items.replaceAll(i -> Languages.isCode(i.language()) ? with(i, stripImports(i.content(), i.language())) : i);
            current = record(steps, "imports", current, total(prompt, items));
        }
        // 5. signature-only, least relevant first
        if (!met(current, target)) {
            var order = new ArrayList<Integer>();
            for (int k = 0; k < items.size(); k++) order.add(k);
            final var view = items;
            order.sort(Comparator.comparingDouble(k -> view.get(k).relevanceScore() == null ? 0 : view.get(k).relevanceScore()));
            int startTokens = current;
            for (int k : order) {
                Item i = items.get(k);
                double rel = i.relevanceScore() == null ? 0 : i.relevanceScore();
                if (rel >= keep || !Languages.isCode(i.language())) continue;
                String sig = signatures(i.content(), i.language());
                int delta = Tokens.count(i.content()) - Tokens.count(sig);
                if (delta <= 0) continue;
                items.set(k, with(i, sig));
                current -= delta;
                if (met(current, target)) break;
            }
            current = total(prompt, items);
            if (current < startTokens) steps.add(new Step("signature-only", startTokens - current));
        }
        var notApplied = new ArrayList<String>();
        if (!met(current, target)) notApplied.add("summarize: no summarisation provider is configured");
        double ratio = before == 0 ? 0 : Math.round((before - current) * 10000.0 / before) / 10000.0;
        return new Result(prompt, items, before, current, before - current, ratio, steps, target == null || current <= target,
                Tokens.encodingName(), notApplied);
    }

    private static boolean met(int current, Integer target) {
        return target != null && current <= target;
    }

    private static int record(List<Step> steps, String name, int before, int after) {
        if (after < before) steps.add(new Step(name, before - after));
        return after;
    }

    private static Item with(Item i, String content) {
        return new Item(i.id(), i.path(), i.language(), content, i.relevanceScore());
    }

    private static int total(String prompt, List<Item> items) {
        int t = Tokens.count(prompt);
        for (Item i : items) t += Tokens.count(i.content());
        return t;
    }

    private static String normalise(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    private static String dedupeParagraphs(String prompt) {
        if (prompt.isEmpty()) return prompt;
        String[] paragraphs = prompt.split("\n\\s*\n");
        var seen = new HashSet<String>();
        var out = new ArrayList<String>();
        for (String p : paragraphs) {
            String n = normalise(p);
            if (n.length() < 40 || seen.add(n)) out.add(p);
        }
        return out.size() == paragraphs.length ? prompt : String.join("\n\n", out);
    }

    static String whitespace(String text, String language) {
        String[] lines = text.split("\n", -1);
        var sb = new StringBuilder();
        boolean blank = false;
        boolean reindent = Languages.C_COMMENTS.contains(language) && !INDENT_SENSITIVE.has(language);
        int unit = 0;
        if (reindent) {
            for (String l : lines) {
                int ind = indent(l);
                if (ind > 1 && !l.isBlank() && !l.strip().startsWith("*") && (unit == 0 || ind < unit)) unit = ind;
            }
        }
        for (String l : lines) {
            String line = l.stripTrailing();
            if (line.isEmpty()) {
                if (blank) continue;
                blank = true;
            } else {
                blank = false;
            }
            if (reindent && unit > 1 && !line.isEmpty()) {
                int ind = indent(line);
                line = " ".repeat(ind / unit) + line.substring(leadingChars(line));
            }
            if (sb.length() > 0) sb.append('\n');
            sb.append(line);
        }
        return sb.toString().strip();
    }

    private static int indent(String l) {
        int cols = 0;
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (c == ' ') cols++;
            else if (c == '\t') cols += 4;
            else break;
        }
        return cols;
    }

    private static int leadingChars(String l) {
        int i = 0;
        while (i < l.length() && (l.charAt(i) == ' ' || l.charAt(i) == '\t')) i++;
        return i;
    }

    private static final char REMOVED = '\u0000';
    private static final Pattern IMPORT_LINE = Pattern.compile(
            "^\\s*(?:import\\s+(?:static\\s+)?[\\w.*]+\\s*;?|package\\s+[\\w.]+\\s*;?|import\\s+.*\\s+from\\s+['\"].*['\"];?"
                    + "|import\\s+['\"].*['\"];?|from\\s+[\\w.]+\\s+import\\s+.*|import\\s+[\\w.]+(?:\\s+as\\s+\\w+)?(?:\\s*,\\s*[\\w.]+(?:\\s+as\\s+\\w+)?)*"
                    + "|(?:const|let|var)\\s+.*=\\s*require\\(.*\\);?)\\s*$");

    /** Drops import, package and require lines (and Go import blocks). */
    static String stripImports(String code, String language) {
        var out = new StringBuilder();
        boolean goBlock = false;
        boolean removedAny = false;
        for (String line : code.split("\n", -1)) {
            String t = line.strip();
            if (goBlock) {
                removedAny = true;
                if (t.equals(")")) goBlock = false;
                continue;
            }
            if (language.equals("go") && t.equals("import (")) {
                goBlock = true;
                removedAny = true;
                continue;
            }
            if (IMPORT_LINE.matcher(line).matches() && !(language.equals("go") && t.startsWith("package "))) {
                removedAny = true;
                continue;
            }
            if (out.length() > 0) out.append('\n');
            out.append(line);
        }
        return removedAny ? whitespace(out.toString(), language) : code;
    }

    /** Removes comments outside string literals; Python keeps docstrings (they are strings). */
    static String stripComments(String code, String language) {
        boolean python = language.equals("python");
        var sb = new StringBuilder(code.length());
        char quote = 0;
        boolean block = false;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            char next = i + 1 < code.length() ? code.charAt(i + 1) : 0;
            if (block) {
                if (c == '*' && next == '/') {
                    block = false;
                    i++;
                } else if (c == '\n') {
                    sb.append(REMOVED).append('\n');
                }
                if (!block) sb.append(REMOVED);
                continue;
            }
            if (quote != 0) {
                sb.append(c);
                if (c == '\\' && next != 0) {
                    sb.append(next);
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (!python && c == '/' && next == '/') {
                while (i < code.length() && code.charAt(i) != '\n') i++;
                sb.append(REMOVED);
                if (i < code.length()) sb.append('\n');
                continue;
            }
            if (!python && c == '/' && next == '*') {
                block = true;
                i++;
                continue;
            }
            if (python && c == '#') {
                while (i < code.length() && code.charAt(i) != '\n') i++;
                sb.append(REMOVED);
                if (i < code.length()) sb.append('\n');
                continue;
            }
            if (c == '"' || c == '\'' || (c == '`' && !python)) quote = c;
            sb.append(c);
        }
        // drop lines left empty by removed comments, keep lines that were empty before
        var out = new StringBuilder();
        for (String line : sb.toString().split("\n", -1)) {
            boolean hadComment = line.indexOf(REMOVED) >= 0;
            String clean = line.replace(String.valueOf(REMOVED), "");
            if (hadComment && clean.isBlank()) continue;
            out.append(clean).append('\n');
        }
        return out.toString();
    }

    private static final Pattern CONTAINER = Pattern.compile(".*\\b(class|interface|enum|record|struct|protocol|trait|impl|object|extension)\\b.*");
    private static final Pattern PY_DECL = Pattern.compile("^\\s*(?:async\\s+)?(?:def|class)\\s+.*|^\\s*@.*");

    /** Declarations without bodies: brace blocks below the declaration level become {@code { … }}. */
    static String signatures(String code, String language) {
        if (language.equals("python")) {
            var sb = new StringBuilder();
            for (String line : code.split("\n")) if (PY_DECL.matcher(line).matches()) sb.append(line).append(" ...\n");
            return sb.length() == 0 ? code : sb.toString().stripTrailing();
        }
        String firstOpen = code.contains("{") ? code.substring(0, code.indexOf('{')) : code;
        int lastLine = firstOpen.lastIndexOf('\n');
        String declLine = firstOpen.substring(lastLine + 1);
        int keepDepth = CONTAINER.matcher(declLine).matches() ? 1 : 0;
        var sb = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quote != 0) {
                if (depth <= keepDepth) sb.append(c);
                if (c == '\\' && i + 1 < code.length()) {
                    if (depth <= keepDepth) sb.append(code.charAt(i + 1));
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'' || c == '`') quote = c;
            if (c == '{') {
                depth++;
                if (depth == keepDepth + 1) sb.append("{ … }");
                else if (depth <= keepDepth) sb.append(c);
                continue;
            }
            if (c == '}') {
                depth = Math.max(0, depth - 1);
                if (depth < keepDepth) sb.append(c);
                continue;
            }
            if (depth <= keepDepth) sb.append(c);
        }
        return whitespace(sb.toString(), language);
    }

    /** Savings ratio per strategy, for reporting. */
    public static Map<String, Integer> byStrategy(Result r) {
        var m = new LinkedHashMap<String, Integer>();
        for (Step s : r.strategies()) m.put(s.strategy(), s.tokensSaved());
        return m;
    }
}
