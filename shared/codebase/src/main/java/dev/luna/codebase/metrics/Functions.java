package dev.luna.codebase.metrics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds functions and their cyclomatic complexity in a token stream. A decision point belongs to the innermost
 * enclosing function; code outside any function is not reported. {@code else if} counts once (the {@code if}),
 * {@code else} and {@code default} never; a ternary {@code ?} counts when spaced on both sides (so {@code ?.},
 * nullable types and TypeScript's optional {@code ?:} do not). See {@link #find} for how each family recognises a
 * function.
 */
final class Functions {
    private static final Set<String> CONTROL = Set.of("if", "for", "foreach", "while", "switch", "catch", "synchronized", "using",
            "lock", "fixed", "return", "new", "throw", "try", "else", "do", "when", "match", "guard", "elseif", "sizeof", "typeof",
            "await", "yield", "assert", "super", "this");
    private static final Set<String> TYPE_DECLARATIONS = Set.of("class", "record", "interface", "enum", "struct", "impl", "trait",
            "object", "namespace", "union", "extension", "protocol", "module");
    private static final int MAX_DEPTH = 10_000;

    private Functions() {
    }

    private static final class Open {
        final String name;
        final int startLine;
        final int indent;
        final boolean function;
        final boolean caseArrows;
        int complexity = 1;

        Open(String name, int startLine, int indent, boolean function, boolean caseArrows) {
            this.name = name;
            this.startLine = startLine;
            this.indent = indent;
            this.function = function;
            this.caseArrows = caseArrows;
        }
    }

    /**
     * C-like: a {@code {} } opens a function when its header (the tokens since the last {@code ;}, {@code {} or
     * {@code }}) holds a function keyword, or is a JavaScript arrow function, or (where no keyword is required)
     * reads {@code name(…) … {} } with balanced parentheses and no control keyword, type declaration or {@code new}.
     * Python: {@code def} at a logical line's start, ending at the next line indented as much or less. Ruby:
     * {@code def} … {@code end}, counting the blocks opened in between. Shell: {@code name() {} } or
     * {@code function name}.
     */
    static List<FunctionMetrics> find(Tokens t, LanguageSpec spec) {
        var out = new ArrayList<FunctionMetrics>();
        switch (spec.family()) {
            case C_LIKE, SHELL -> braces(t, spec, out);
            case PYTHON -> python(t, spec, out);
            case RUBY -> ruby(t, spec, out);
            case DATA -> {
            }
        }
        out.sort(Comparator.comparingInt(FunctionMetrics::startLine).thenComparing(FunctionMetrics::name));
        return out;
    }

    private static void braces(Tokens t, LanguageSpec spec, List<FunctionMetrics> out) {
        var stack = new ArrayDeque<Open>();
        int header = 0;
        for (int i = 0; i < t.size(); i++) {
            String x = t.text(i);
            if (x.equals("{")) {
                if (stack.size() < MAX_DEPTH) stack.push(open(t, spec, header, i));
                header = i + 1;
            } else if (x.equals("}")) {
                Open o = stack.poll();
                if (o != null && o.function) out.add(new FunctionMetrics(o.name, o.startLine, t.line(i), o.complexity));
                header = i + 1;
            } else if (x.equals(";")) {
                header = i + 1;
            } else {
                count(t, spec, i, stack);
            }
        }
    }

    private static Open open(Tokens t, LanguageSpec spec, int from, int brace) {
        boolean caseArrows = false;
        for (int k = from; k < brace; k++) {
            if (spec.caseArrowBlocks().contains(t.text(k))) caseArrows = true;
        }
        String name = functionName(t, spec, from, brace);
        if (name == null) return new Open(null, t.line(brace), -1, false, caseArrows);
        return new Open(name, t.line(headerStart(t, spec, from, brace)), -1, true, false);
    }

    /** Where a function's header starts: its keyword, else its first token after annotations. */
    private static int headerStart(Tokens t, LanguageSpec spec, int from, int brace) {
        for (int k = brace - 1; k >= from; k--) {
            if (spec.functionKeywords().contains(t.text(k)) && !t.is(k - 1, ".")) return k;
        }
        for (int k = from; k < brace; k++) {
            if (!t.is(k, "@") && !t.is(k - 1, "@")) return k;
        }
        return brace;
    }

    /** The function's name when {@code header[from, brace)} opens one, else null. */
    private static String functionName(Tokens t, LanguageSpec spec, int from, int brace) {
        if (spec.family() == LanguageSpec.Family.SHELL) {
            if (brace - from >= 3 && t.is(brace - 1, ")") && t.is(brace - 2, "(") && t.isWord(brace - 3)) return t.text(brace - 3);
            if (brace - from >= 2 && t.is(brace - 2, "function") && t.isWord(brace - 1)) return t.text(brace - 1);
            return null;
        }
        if (brace == from) return null;
        int keyword = -1;
        for (int k = brace - 1; k >= from && keyword < 0; k--) {
            if (spec.functionKeywords().contains(t.text(k)) && !t.is(k - 1, ".")) keyword = k;
        }
        if (keyword >= 0) return keywordFunctionName(t, from, keyword, brace);
        if (spec.arrowFunctions() && t.is(brace - 1, "=>")) return assignedName(t, from, brace, "<anonymous>");
        if (spec.keywordRequired()) return null;
        int depth = 0;
        int firstOpen = -1;
        for (int k = from; k < brace; k++) {
            String x = t.text(k);
            if (TYPE_DECLARATIONS.contains(x) || x.equals("=") || x.equals("->") || x.equals("=>")) return null;
            if (x.equals("@")) {
                k = skipAnnotation(t, k, brace);
                continue;
            }
            if (x.equals("(")) {
                if (depth == 0 && firstOpen < 0) firstOpen = k;
                depth++;
            } else if (x.equals(")")) {
                depth--;
            }
        }
        if (depth != 0 || firstOpen <= from) return null;
        String name = t.text(firstOpen - 1);
        if (!t.isWord(firstOpen - 1) || CONTROL.contains(name) || t.is(firstOpen - 2, ".") || t.is(firstOpen - 2, "new")) return null;
        return name;
    }

    private static int skipAnnotation(Tokens t, int at, int limit) {
        int k = at + 1;
        while (k + 1 < limit && t.is(k + 1, ".")) k += 2;
        if (k + 1 < limit && t.is(k + 1, "(")) {
            int depth = 0;
            for (int j = k + 1; j < limit; j++) {
                if (t.is(j, "(")) depth++;
                if (t.is(j, ")") && --depth == 0) return j;
            }
        }
        return k;
    }

    private static String keywordFunctionName(Tokens t, int from, int keyword, int brace) {
        int k = keyword + 1;
        if (t.is(k, "(") && t.text(keyword).equals("func")) {
            // Go receiver: func (r *T) Name(…)
            int depth = 0;
            for (; k < brace; k++) {
                if (t.is(k, "(")) depth++;
                if (t.is(k, ")") && --depth == 0) {
                    k++;
                    break;
                }
            }
        }
        if (Set.of("init", "deinit", "subscript", "constructor").contains(t.text(keyword))) return t.text(keyword);
        for (; k < brace; k++) {
            if (t.is(k, "(")) {
                int nameAt = k - 1;
                if (t.is(nameAt, ">")) {
                    int depth = 0;
                    while (nameAt > keyword) {
                        if (t.is(nameAt, ">")) depth++;
                        if (t.is(nameAt, "<") && --depth == 0) break;
                        nameAt--;
                    }
                    nameAt--;
                }
                if (nameAt > keyword && t.isWord(nameAt)) return t.text(nameAt);
                break;
            }
        }
        return assignedName(t, from, keyword, "<anonymous>");
    }

    /** {@code name = function…} / {@code name: (…) =>}: the name assigned, else {@code fallback}. */
    private static String assignedName(Tokens t, int from, int to, String fallback) {
        for (int k = from + 1; k < to; k++) {
            if ((t.is(k, "=") || t.is(k, ":")) && t.isWord(k - 1) && !CONTROL.contains(t.text(k - 1))) return t.text(k - 1);
        }
        return fallback;
    }

    private static void count(Tokens t, LanguageSpec spec, int i, ArrayDeque<Open> stack) {
        if (stack.isEmpty()) return;
        String x = t.text(i);
        boolean decision = spec.decisionWords().contains(x) && !t.is(i - 1, ".")
                && !(spec.family() == LanguageSpec.Family.RUBY && t.is(i + 1, ":"))
                || spec.decisionOps().contains(x)
                || x.equals("?") && t.has(i, Lexer.SPACED_BEFORE) && t.has(i, Lexer.SPACED_AFTER) && spec.family() != LanguageSpec.Family.SHELL;
        if (!decision && x.equals(spec.caseArrow()) && stack.peek().caseArrows && !t.is(i - 1, "else") && !t.is(i - 1, "_")) {
            decision = true;
        }
        if (!decision) return;
        for (Open o : stack) {
            if (o.function) {
                o.complexity++;
                return;
            }
        }
    }

    private static void python(Tokens t, LanguageSpec spec, List<FunctionMetrics> out) {
        var stack = new ArrayDeque<Open>();
        int depth = 0;
        int lastLine = 0;
        for (int i = 0; i < t.size(); i++) {
            String x = t.text(i);
            if (t.has(i, Lexer.LINE_START) && depth == 0) {
                int indent = t.indent(i);
                while (!stack.isEmpty() && indent <= stack.peek().indent) close(stack.pop(), lastLine, out);
                boolean def = x.equals("def") || x.equals("async") && t.is(i + 1, "def");
                int nameAt = x.equals("def") ? i + 1 : i + 2;
                if (def && t.isWord(nameAt) && stack.size() < MAX_DEPTH) stack.push(new Open(t.text(nameAt), t.line(i), indent, true, false));
            }
            if (x.equals("(") || x.equals("[") || x.equals("{")) depth++;
            if ((x.equals(")") || x.equals("]") || x.equals("}")) && depth > 0) depth--;
            if (!stack.isEmpty() && (spec.decisionWords().contains(x) && !t.is(i - 1, ".")) && !(x.equals("case") && !t.has(i, Lexer.LINE_START))) {
                stack.peek().complexity++;
            }
            lastLine = t.line(i);
        }
        while (!stack.isEmpty()) close(stack.pop(), lastLine, out);
    }

    private static void close(Open o, int endLine, List<FunctionMetrics> out) {
        out.add(new FunctionMetrics(o.name, o.startLine, Math.max(o.startLine, endLine), o.complexity));
    }

    private static final Set<String> RUBY_OPENERS = Set.of("class", "module", "begin", "case", "if", "unless", "while", "until", "for");

    private static void ruby(Tokens t, LanguageSpec spec, List<FunctionMetrics> out) {
        var stack = new ArrayDeque<Open>();
        int loopLine = -1;
        for (int i = 0; i < t.size(); i++) {
            String x = t.text(i);
            boolean statementStart = t.has(i, Lexer.LINE_START) || t.is(i - 1, ";") || t.is(i - 1, "=") || t.is(i - 1, "(");
            if (t.is(i - 1, ".") || t.is(i + 1, ":") && !t.is(i + 2, ":")) {
                continue;
            }
            if (x.equals("def") && stack.size() < MAX_DEPTH) {
                int k = i + 1;
                if (t.is(k, "self") && t.is(k + 1, ".")) k += 2;
                stack.push(new Open(t.isWord(k) ? t.text(k) : "<anonymous>", t.line(i), -1, true, false));
                continue;
            }
            if (statementStart && RUBY_OPENERS.contains(x) && stack.size() < MAX_DEPTH) {
                stack.push(new Open(null, t.line(i), -1, false, false));
                if (x.equals("while") || x.equals("until") || x.equals("for")) loopLine = t.line(i);
            } else if (x.equals("do") && t.line(i) != loopLine && stack.size() < MAX_DEPTH) {
                stack.push(new Open(null, t.line(i), -1, false, false));
            } else if (x.equals("end")) {
                Open o = stack.poll();
                if (o != null && o.function) out.add(new FunctionMetrics(o.name, o.startLine, t.line(i), o.complexity));
            }
            count(t, spec, i, stack);
        }
    }
}
