package dev.luna.rag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Shrinks a prompt and its contexts while keeping what the model needs, cheapest-loss first, stopping as soon as a
 * target is met:
 * <ol>
 * <li>dedupe — repeated contexts and repeated paragraphs of the prompt;</li>
 * <li>contained — contexts whose text lies wholly inside another context (which takes over the higher relevance);</li>
 * <li>whitespace — trailing blanks, runs of empty lines, common indentation, and one space per nesting level in brace
 * languages (never re-indenting Python, YAML or Markdown);</li>
 * <li>comments — line and block comments of code contexts (Python docstrings, compiler directives such as
 * {@code //go:embed} and everything inside string literals kept);</li>
 * <li>imports — import, package and require lines;</li>
 * <li>near-duplicates — a code context whose tokens nearly all occur in a more relevant context kept whole (a copy,
 * or an overload of the same name in the same file) keeps only its signature;</li>
 * <li>signature-only — bodies of code contexts replaced by {@code { … }} (with the first sentence of their
 * documentation kept, long string literals shortened) when their relevance, weighed by the tokens this saves
 * ({@link #weighedRelevance}), is below {@code keepRelevance}; the lowest value per token first.</li>
 * </ol>
 * Contexts kept whole change only in whitespace and comments, and never inside a string literal ({@link CodeLexer}).
 * Counts are from the real tokenizer ({@link Tokens}).
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

        // 1. dedupe: repeated contexts, and contexts whose text lies wholly inside another one (which then carries the
        // higher relevance of the two, so it is kept whole whenever either would have been)
        var seen = new HashSet<String>();
        var deduped = new ArrayList<Item>();
        for (Item i : items) if (seen.add(normalise(i.content()))) deduped.add(i);
        String dedupedPrompt = dedupeParagraphs(prompt);
        current = record(steps, "dedupe", current, total(dedupedPrompt, deduped));
        prompt = dedupedPrompt;
        items = deduped;
        if (!met(current, target)) {
            items = dropContained(items);
            current = record(steps, "contained", current, total(prompt, items));
        }
        // what signature-only renderings take their documentation sentence from
        var originalByIndex = new ArrayList<String>();
        for (Item i : items) originalByIndex.add(i.content());

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
        var order = new ArrayList<Integer>();
        for (int k = 0; k < items.size(); k++) order.add(k);
        final var view = items;
        order.sort(Comparator.comparingDouble((Integer k) -> relevance(view.get(k))).reversed());
        var compressed = new boolean[items.size()];
        // 5. near-duplicates: a code context whose tokens nearly all occur in a more relevant context kept whole (the
        // overloads of one method, copies of a helper) keeps only its signature
        if (!met(current, target)) {
            int startTokens = current;
            var whole = new ArrayList<Integer>();
            var names = new String[items.size()];
            var bags = new ArrayList<Map<String, Integer>>();
            var sizes = new int[items.size()];
            for (int k = 0; k < items.size(); k++) {
                Item i = items.get(k);
                boolean code = Languages.isCode(i.language());
                names[k] = code ? declaredName(i.content(), i.language()) : null;
                bags.add(code ? lexicalTokens(i.content()) : Map.of());
                sizes[k] = bags.get(k).values().stream().mapToInt(Integer::intValue).sum();
            }
            for (int k : order) {
                Item i = items.get(k);
                if (!Languages.isCode(i.language())) continue;
                boolean twin = false;
                for (int w : whole) {
                    Item other = items.get(w);
                    if (!other.language().equals(i.language())) continue;
                    boolean overload = names[k] != null && java.util.Objects.equals(i.path(), other.path()) && names[k].equals(names[w]);
                    double threshold = overload ? OVERLOAD : NEAR_DUPLICATE;
                    // a multiset Jaccard similarity is at most the ratio of the two sizes
                    if (Math.min(sizes[k], sizes[w]) < threshold * Math.max(sizes[k], sizes[w])) continue;
                    if (similarity(bags.get(w), bags.get(k)) >= threshold) {
                        twin = true;
                        break;
                    }
                }
                if (!twin) {
                    whole.add(k);
                    continue;
                }
                String sig = signatureOnly(originalByIndex.get(k), i.content(), i.language());
                int delta = Tokens.count(i.content()) - Tokens.count(sig);
                if (delta <= 0) {
                    whole.add(k);
                    continue;
                }
                items.set(k, with(i, sig));
                compressed[k] = true;
                current -= delta;
                if (met(current, target)) break;
            }
            current = total(prompt, items);
            record(steps, "near-duplicates", startTokens, current);
        }
        // 6. signature-only for code contexts whose relevance, weighed against what compressing them saves, is below
        // keepRelevance; the worst value per token first
        if (!met(current, target)) {
            int startTokens = current;
            var candidates = new ArrayList<Candidate>();
            for (int k = 0; k < items.size(); k++) {
                Item i = items.get(k);
                if (compressed[k] || !Languages.isCode(i.language())) continue;
                String sig = signatureOnly(originalByIndex.get(k), i.content(), i.language());
                int delta = Tokens.count(i.content()) - Tokens.count(sig);
                if (delta <= 0) continue;
                double weighed = weighedRelevance(relevance(i), delta);
                if (weighed < keep) candidates.add(new Candidate(k, sig, delta, weighed));
            }
            candidates.sort(Comparator.comparingDouble(Candidate::weighed));
            for (var c : candidates) {
                items.set(c.index(), with(items.get(c.index()), c.signature()));
                compressed[c.index()] = true;
                current -= c.saved();
                if (met(current, target)) break;
            }
            current = total(prompt, items);
            record(steps, "signature-only", startTokens, current);
        }
        var notApplied = new ArrayList<String>();
        if (!met(current, target)) notApplied.add("summarize: no summarisation provider is configured");
        double ratio = before == 0 ? 0 : Math.round((before - current) * 10000.0 / before) / 10000.0;
        return new Result(prompt, items, before, current, before - current, ratio, steps, target == null || current <= target,
                Tokens.encodingName(), notApplied);
    }

    /**
     * Lexical similarity (multiset Jaccard of tokens) at which a less relevant code context counts as a near-duplicate
     * of a more relevant one kept whole: 0.95 for any two contexts, 0.5 for overloads (same declared name, same file).
     * Chosen, with {@link #SIZE_WEIGHT}, on queries 201-500 of scripts/bench/rag's evaluation order: disjoint from the 200
     * it reports token savings on, and from the tuning split it picks keepRelevance on.
     */
    static final double NEAR_DUPLICATE = 0.95;
    static final double OVERLOAD = 0.5;
    private static final Pattern CALLABLE_NAME = Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*)\\s*(?:<[^<>()]*>\\s*)?\\(");

    /** The name of the first declaration with parameters in a code snippet (the identifier before its first parenthesis, outside literals), or null. */
    static String declaredName(String code, String language) {
        byte[] classes = CodeLexer.classify(code, language);
        var sb = new StringBuilder();
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (classes[i] != CodeLexer.CODE) continue;
            if (c == '{' || c == ';' || c == '=' || (c == ':' && language.equals("python"))) break;
            sb.append(c);
        }
        var m = CALLABLE_NAME.matcher(sb);
        String name = null;
        while (m.find()) {
            name = m.group(1);
            if (!name.equals("if") && !name.equals("for") && !name.equals("while") && !name.equals("switch") && !name.equals("catch")) break;
            name = null;
        }
        return name;
    }

    private record Candidate(int index, String signature, int saved, double weighed) {
    }

    /** Tokens a signature-only rendering saves at which relevance is taken as it is; larger savings weigh it down, smaller ones up. */
    static final int REFERENCE_SAVING = 100;
    /** Exponent of the size weighing (0 = relevance alone decides); chosen as {@link #NEAR_DUPLICATE} was. */
    static final double SIZE_WEIGHT = 0.2;

    /**
     * Relevance per token at stake: {@code relevance * (REFERENCE_SAVING / saved)^SIZE_WEIGHT}. Compressing a large
     * context of some relevance saves more per unit of risk than compressing a small one of the same relevance, so
     * large contexts need a higher relevance to stay whole.
     */
    static double weighedRelevance(double relevance, int saved) {
        return relevance * Math.pow((double) REFERENCE_SAVING / Math.max(1, saved), SIZE_WEIGHT);
    }

    private static double relevance(Item i) {
        return i.relevanceScore() == null ? 0 : i.relevanceScore();
    }

    /** Contexts whose whitespace-normalised text occurs inside another context's are dropped; the container keeps the higher relevance. */
    static ArrayList<Item> dropContained(List<Item> items) {
        var norm = new ArrayList<String>();
        for (Item i : items) norm.add(normalise(i.content()));
        var out = new ArrayList<Item>(items);
        var dropped = new boolean[items.size()];
        for (int a = 0; a < items.size(); a++) {
            if (norm.get(a).isEmpty()) continue;
            for (int b = 0; b < items.size(); b++) {
                if (a == b || dropped[b] || norm.get(b).length() <= norm.get(a).length() || !norm.get(b).contains(norm.get(a))) continue;
                dropped[a] = true;
                if (relevance(items.get(a)) > relevance(out.get(b))) {
                    Item c = out.get(b);
                    out.set(b, new Item(c.id(), c.path(), c.language(), c.content(), items.get(a).relevanceScore()));
                }
                break;
            }
        }
        var kept = new ArrayList<Item>();
        for (int k = 0; k < out.size(); k++) if (!dropped[k]) kept.add(out.get(k));
        return kept;
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

    /**
     * Trailing blanks, runs of empty lines, common leading indentation, and (brace languages) one space per nesting
     * level. Lines that begin inside a multi-line string literal (text blocks, template literals, triple-quoted strings)
     * are never touched, nor the trailing blanks of a line whose string continues on the next one.
     */
    static String whitespace(String text, String language) {
        boolean code = Languages.isCode(language);
        byte[] classes = code ? CodeLexer.classify(text, language) : null;
        String[] lines = text.split("\n", -1);
        int n = lines.length;
        boolean[] startsInString = new boolean[n];
        boolean[] endsInString = new boolean[n];
        if (code) {
            int offset = 0;
            for (int k = 0; k < n; k++) {
                startsInString[k] = offset > 0 && classes[offset - 1] == CodeLexer.STRING;
                int nl = offset + lines[k].length();
                endsInString[k] = nl < classes.length && classes[nl] == CodeLexer.STRING;
                offset = nl + 1;
            }
        }
        boolean reindent = Languages.C_COMMENTS.contains(language) && !INDENT_SENSITIVE.has(language);
        // the common indentation of code lines, and (brace languages) the indentation step above it
        int base = Integer.MAX_VALUE;
        for (int k = 0; k < n; k++) {
            if (!startsInString[k] && !lines[k].isBlank()) base = Math.min(base, indent(lines[k]));
        }
        if (base == Integer.MAX_VALUE) base = 0;
        int unit = 0;
        if (reindent) {
            for (int k = 0; k < n; k++) {
                String l = lines[k];
                int ind = indent(l) - base;
                if (!startsInString[k] && ind > 0 && !l.isBlank() && !l.strip().startsWith("*") && (unit == 0 || ind < unit)) unit = ind;
            }
        }
        boolean dedent = code && base > 0 && commonPrefix(lines, startsInString, base);
        var out = new ArrayList<String>(n);
        var literal = new ArrayList<Boolean>(n);
        boolean blank = false;
        int offset = 0;
        for (int k = 0; k < n; k++) {
            String l = lines[k];
            int lineStart = offset;
            offset += l.length() + 1;
            if (startsInString[k]) {
                // inside a literal: only blanks after its end (outside any literal) go
                int end = l.length();
                while (end > 0 && Character.isWhitespace(l.charAt(end - 1)) && classes[lineStart + end - 1] != CodeLexer.STRING) end--;
                out.add(l.substring(0, end));
                literal.add(true);
                blank = false;
                continue;
            }
            String line = endsInString[k] ? l : l.stripTrailing();
            if (line.isEmpty()) {
                if (blank) continue;
                blank = true;
            } else {
                blank = false;
            }
            if (!line.isEmpty()) {
                if (reindent && unit > 1) {
                    line = " ".repeat(Math.max(0, indent(line) - base) / unit) + line.substring(leadingChars(line));
                } else if (dedent) {
                    line = line.substring(base);
                }
            }
            out.add(line);
            literal.add(false);
        }
        // leading and trailing empty lines, unless they belong to a literal
        int from = 0, to = out.size();
        while (from < to && out.get(from).isEmpty() && !literal.get(from)) from++;
        while (to > from && out.get(to - 1).isEmpty() && !literal.get(to - 1)) to--;
        String joined = String.join("\n", out.subList(from, to));
        return code ? joined : joined.strip();
    }

    /** Whether every code line starts with the same {@code base} whitespace characters (so removing them is a dedent). */
    private static boolean commonPrefix(String[] lines, boolean[] startsInString, int base) {
        String prefix = null;
        for (int k = 0; k < lines.length; k++) {
            if (startsInString[k] || lines[k].isBlank()) continue;
            if (leadingChars(lines[k]) < base) return false;
            String p = lines[k].substring(0, base);
            if (p.chars().anyMatch(c -> c != ' ' && c != '\t')) return false;
            if (prefix == null) prefix = p;
            else if (!prefix.equals(p)) return false;
        }
        return true;
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

    /** Comments that carry meaning for a compiler or an interpreter and are therefore kept. */
    private static final Pattern DIRECTIVE = Pattern.compile("//go:\\S.*|//\\s*\\+build\\b.*|#!.*|#.*-\\*-\\s*coding[:=].*|#\\s*type:.*");

    /**
     * Removes comments outside string literals (Python docstrings are strings and stay), except compiler directives
     * ({@code //go:embed}, build constraints, shebang, encoding and type comments). Lines left empty by a removed comment
     * go; lines that were empty before stay.
     */
    static String stripComments(String code, String language) {
        if (code.indexOf(REMOVED) >= 0) return code;
        byte[] classes = CodeLexer.classify(code, language);
        var sb = new StringBuilder(code.length());
        int n = code.length();
        for (int i = 0; i < n; ) {
            if (classes[i] != CodeLexer.COMMENT) {
                sb.append(code.charAt(i++));
                continue;
            }
            int end = i;
            while (end < n && classes[end] == CodeLexer.COMMENT) end++;
            String comment = code.substring(i, end);
            if (DIRECTIVE.matcher(comment).matches()) {
                sb.append(comment);
            } else {
                sb.append(REMOVED);
                for (int k = 0; k < comment.length(); k++) if (comment.charAt(k) == '\n') sb.append('\n').append(REMOVED);
            }
            i = end;
        }
        // drop lines left empty by removed comments, keep lines that were empty before (and every line of a literal)
        var out = new StringBuilder();
        for (String line : sb.toString().split("\n", -1)) {
            boolean hadComment = line.indexOf(REMOVED) >= 0;
            String clean = hadComment ? line.replace(String.valueOf(REMOVED), "") : line;
            if (hadComment && clean.isBlank()) continue;
            if (out.length() > 0) out.append('\n');
            out.append(clean);
        }
        return out.toString();
    }

    private static final char REMOVED = '\u0000';

    private static final Pattern CONTAINER = Pattern.compile(".*\\b(class|interface|enum|record|struct|protocol|trait|impl|object|extension)\\b.*");
    private static final Pattern PY_DECL = Pattern.compile("^\\s*(?:async\\s+)?(?:def|class)\\s+.*|^\\s*@.*");
    /** String literals longer than this are shortened in signature-only renderings. */
    static final int LONG_LITERAL = 48;

    /**
     * Declarations without bodies: brace blocks below the declaration level become {@code { … }} (Python: the
     * {@code def}/{@code class} headers, each followed by {@code ...}); long string literals that stay are shortened.
     * Braces and quotes inside literals and comments do not count.
     */
    static String signatures(String code, String language) {
        byte[] classes = CodeLexer.classify(code, language);
        if (language.equals("python")) {
            var sb = new StringBuilder();
            int offset = 0;
            boolean header = false;
            for (String line : code.split("\n", -1)) {
                boolean inString = offset > 0 && classes[offset - 1] == CodeLexer.STRING;
                offset += line.length() + 1;
                if (inString) continue;
                String t = line.strip();
                if (!header && t.startsWith("@")) {
                    sb.append(shortenLiterals(line.stripTrailing(), language)).append('\n');
                } else if (header || PY_DECL.matcher(line).matches()) {
                    header = !t.endsWith(":");
                    sb.append(shortenLiterals(line.stripTrailing(), language)).append(header ? "\n" : " ...\n");
                }
            }
            return sb.length() == 0 ? code : sb.toString().stripTrailing();
        }
        int firstOpen = -1;
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) == '{' && classes[i] == CodeLexer.CODE) {
                firstOpen = i;
                break;
            }
        }
        String before = firstOpen < 0 ? code : code.substring(0, firstOpen);
        String declLine = before.substring(before.lastIndexOf('\n') + 1);
        int keepDepth = CONTAINER.matcher(declLine).matches() ? 1 : 0;
        var sb = new StringBuilder();
        var literal = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (classes[i] != CodeLexer.CODE) {
                if (depth <= keepDepth) literal.append(c);
                continue;
            }
            if (literal.length() > 0) {
                sb.append(shorten(literal.toString()));
                literal.setLength(0);
            }
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
        if (literal.length() > 0) sb.append(shorten(literal.toString()));
        return whitespace(sb.toString(), language);
    }

    private static String shortenLiterals(String line, String language) {
        byte[] classes = CodeLexer.classify(line, language);
        var sb = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            int end = i;
            while (end < line.length() && classes[end] == classes[i]) end++;
            String part = line.substring(i, end);
            sb.append(classes[i] == CodeLexer.STRING ? shorten(part) : part);
            i = end;
        }
        return sb.toString();
    }

    /** A single-line quoted literal longer than {@link #LONG_LITERAL}, cut in the middle: {@code "abc…"} (comments pass through). */
    private static String shorten(String literal) {
        if (literal.length() <= LONG_LITERAL || literal.indexOf('\n') >= 0) return literal;
        char q = literal.charAt(0);
        if ((q != '"' && q != '\'' && q != '`') || literal.charAt(literal.length() - 1) != q) return literal;
        int cut = LONG_LITERAL - 8;
        if (literal.charAt(cut - 1) == '\\') cut--;
        return literal.substring(0, cut) + "…" + q;
    }

    private static final Pattern DOC_TAG = Pattern.compile("\\{@(?:code|literal|link|linkplain)\\s+([^}]*)}");

    /**
     * The first sentence of the first documentation comment ({@code /**}, {@code ///}) or Python docstring of a code
     * snippet, as plain text, or null.
     */
    static String docSummary(String code, String language) {
        byte[] classes = CodeLexer.classify(code, language);
        String text = null;
        for (int i = 0; i < code.length(); ) {
            int end = i;
            while (end < code.length() && classes[end] == classes[i]) end++;
            String part = code.substring(i, end);
            if (classes[i] == CodeLexer.COMMENT && (part.startsWith("/**") || part.startsWith("///"))) {
                text = part.replaceAll("^/\\*\\*|\\*/$", "").replaceAll("(?m)^\\s*(?:\\*|///?)\\s?", " ");
                break;
            }
            if (language.equals("python") && classes[i] == CodeLexer.STRING && (part.startsWith("\"\"\"") || part.startsWith("'''"))) {
                text = part.substring(3, Math.max(3, part.length() - 3));
                break;
            }
            i = end;
        }
        if (text == null) return null;
        text = DOC_TAG.matcher(text).replaceAll("$1").replaceAll("<[^>]+>", " ");
        int tag = text.indexOf(" @");
        if (tag >= 0) text = text.substring(0, tag);
        text = text.replaceAll("\\s+", " ").strip();
        int dot = text.indexOf(". ");
        if (dot > 0) text = text.substring(0, dot + 1);
        if (text.length() > 160) text = text.substring(0, 157) + "…";
        return text.isEmpty() ? null : text;
    }

    /** Signature-only rendering of a code context: its documentation's first sentence as a comment, then the declarations. */
    static String signatureOnly(String original, String current, String language) {
        String sig = signatures(current, language);
        String summary = docSummary(original, language);
        if (summary == null || sig.contains(summary)) return sig;
        String prefix = language.equals("python") ? "# " : "// ";
        return prefix + summary + "\n" + sig;
    }

    private static final Pattern WORD = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*|\\d+|\\S");

    /** Multiset Jaccard similarity of the lexical tokens of two snippets (1 = the same tokens). */
    static double similarity(String a, String b) {
        return similarity(lexicalTokens(a), lexicalTokens(b));
    }

    private static double similarity(Map<String, Integer> ca, Map<String, Integer> cb) {
        int inter = 0, union = 0;
        var keys = new HashSet<>(ca.keySet());
        keys.addAll(cb.keySet());
        for (String k : keys) {
            int x = ca.getOrDefault(k, 0), y = cb.getOrDefault(k, 0);
            inter += Math.min(x, y);
            union += Math.max(x, y);
        }
        return union == 0 ? 0 : (double) inter / union;
    }

    private static Map<String, Integer> lexicalTokens(String s) {
        var m = new HashMap<String, Integer>();
        var matcher = WORD.matcher(s);
        while (matcher.find()) m.merge(matcher.group(), 1, Integer::sum);
        return m;
    }

    /** Savings ratio per strategy, for reporting. */
    public static Map<String, Integer> byStrategy(Result r) {
        var m = new LinkedHashMap<String, Integer>();
        for (Step s : r.strategies()) m.put(s.strategy(), s.tokensSaved());
        return m;
    }
}
