package dev.luna.rag;

import java.util.ArrayList;
import java.util.Set;

/** The whitespace step of {@link TokenOptimizer}: what can go without changing what the text says or, for code, how it parses. */
final class WhitespaceReducer {
    /** Languages whose indentation is meaning: never re-indented. */
    private static final Set<String> INDENT_SENSITIVE = Set.of("python", "yaml", "markdown", "text", "haskell", "makefile");

    private WhitespaceReducer() {
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
        boolean reindent = Languages.C_COMMENTS.contains(language) && !INDENT_SENSITIVE.contains(language);
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
}
