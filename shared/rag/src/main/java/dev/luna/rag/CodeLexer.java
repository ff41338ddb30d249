package dev.luna.rag;

import java.util.Set;

/**
 * Classifies every character of a code snippet as code, string literal or comment, so the optimiser's rewrites can
 * leave literals alone. Knows, per language: line comments ({@code //}, or {@code #} for Python), block comments
 * ({@code /* *}{@code /}, nested in Kotlin, Swift and Rust), quoted strings with backslash escapes, triple-quoted
 * strings (Java text blocks, Kotlin, Swift, Groovy, Python), template literals and raw strings in backquotes
 * (JavaScript/TypeScript, Go), character literals ({@code 'x'}; a lone quote such as a Rust lifetime is code) and
 * JavaScript/TypeScript regular-expression literals. A lexer, not a parser: where it cannot tell, it errs towards
 * "literal", so a rewrite keeps text rather than removing it.
 */
final class CodeLexer {
    static final byte CODE = 0, STRING = 1, COMMENT = 2;
    private static final Set<String> TRIPLE_DOUBLE = Set.of("java", "kotlin", "swift", "groovy", "python");
    private static final Set<String> TRIPLE_SINGLE = Set.of("python", "groovy");
    private static final Set<String> BACKQUOTE = Set.of("javascript", "typescript", "go");
    private static final Set<String> SINGLE_QUOTE_STRINGS = Set.of("javascript", "typescript", "python", "groovy");
    private static final Set<String> NESTED_BLOCKS = Set.of("kotlin", "swift", "rust");

    private CodeLexer() {
    }

    /** One class per character of {@code code}. */
    static byte[] classify(String code, String language) {
        int n = code.length();
        byte[] out = new byte[n];
        boolean python = language.equals("python");
        boolean cComments = !python && Languages.C_COMMENTS.contains(language);
        boolean js = language.equals("javascript") || language.equals("typescript");
        int i = 0;
        while (i < n) {
            char c = code.charAt(i);
            char next = i + 1 < n ? code.charAt(i + 1) : 0;
            int end;
            if (cComments && c == '/' && next == '/') {
                end = lineEnd(code, i);
                fill(out, i, end, COMMENT);
            } else if (python && c == '#') {
                end = lineEnd(code, i);
                fill(out, i, end, COMMENT);
            } else if (cComments && c == '/' && next == '*') {
                end = blockEnd(code, i, NESTED_BLOCKS.contains(language));
                fill(out, i, end, COMMENT);
            } else if ((c == '"' && TRIPLE_DOUBLE.contains(language) || c == '\'' && TRIPLE_SINGLE.contains(language))
                    && code.startsWith(String.valueOf(c).repeat(3), i)) {
                int close = code.indexOf(String.valueOf(c).repeat(3), i + 3);
                while (close > 0 && escaped(code, close)) close = code.indexOf(String.valueOf(c).repeat(3), close + 1);
                end = close < 0 ? n : close + 3;
                fill(out, i, end, STRING);
            } else if (c == '`' && BACKQUOTE.contains(language)) {
                end = quoted(code, i, '`', !language.equals("go"), true);
                fill(out, i, end, STRING);
            } else if (c == '"' || c == '\'' && SINGLE_QUOTE_STRINGS.contains(language)) {
                end = quoted(code, i, c, true, false);
                fill(out, i, end, STRING);
            } else if (c == '\'' && (end = charLiteral(code, i)) > i) {
                fill(out, i, end, STRING);
            } else if (js && c == '/' && regexAllowed(code, out, i) && (end = regexEnd(code, i)) > i) {
                fill(out, i, end, STRING);
            } else {
                end = i + 1;
            }
            i = end;
        }
        return out;
    }

    private static void fill(byte[] out, int from, int to, byte kind) {
        for (int k = from; k < to; k++) out[k] = kind;
    }

    private static int lineEnd(String code, int i) {
        int nl = code.indexOf('\n', i);
        return nl < 0 ? code.length() : nl;
    }

    private static int blockEnd(String code, int i, boolean nested) {
        int depth = 0;
        int n = code.length();
        for (int k = i; k < n - 1; k++) {
            if (code.charAt(k) == '/' && code.charAt(k + 1) == '*' && (nested || depth == 0)) {
                depth++;
                k++;
            } else if (code.charAt(k) == '*' && code.charAt(k + 1) == '/') {
                depth--;
                k++;
                if (depth == 0) return k + 1;
            }
        }
        return n; // unterminated: the rest is comment
    }

    private static boolean escaped(String code, int at) {
        int backslashes = 0;
        for (int k = at - 1; k >= 0 && code.charAt(k) == '\\'; k--) backslashes++;
        return backslashes % 2 == 1;
    }

    /** End (exclusive) of a quoted literal; single-line ones end at a newline when unterminated. */
    private static int quoted(String code, int i, char quote, boolean escapes, boolean multiLine) {
        int n = code.length();
        for (int k = i + 1; k < n; k++) {
            char c = code.charAt(k);
            if (escapes && c == '\\') {
                k++;
            } else if (c == quote) {
                return k + 1;
            } else if (c == '\n' && !multiLine) {
                return k;
            }
        }
        return n;
    }

    /** {@code 'x'} or {@code '\n'}, {@code '\u0041'}: end of the literal, or {@code i} when this quote is not one. */
    private static int charLiteral(String code, int i) {
        int n = code.length();
        if (i + 2 < n && code.charAt(i + 1) != '\\' && code.charAt(i + 1) != '\n' && code.charAt(i + 2) == '\'') return i + 3;
        if (i + 1 < n && code.charAt(i + 1) == '\\') {
            for (int k = i + 3; k < Math.min(n, i + 12); k++) {
                if (code.charAt(k) == '\'') return k + 1;
                if (code.charAt(k) == '\n') break;
            }
        }
        return i;
    }

    /** A slash starts a regular expression after an operator, an opening bracket, a comma or keyword, or at the start. */
    private static boolean regexAllowed(String code, byte[] classes, int i) {
        if (i + 1 < code.length() && (code.charAt(i + 1) == '/' || code.charAt(i + 1) == '*')) return false;
        int k = i - 1;
        while (k >= 0 && (Character.isWhitespace(code.charAt(k)) || classes[k] == COMMENT)) k--;
        if (k < 0) return true;
        char p = code.charAt(k);
        if ("(,=:[!&|?{};+-*%<>~^".indexOf(p) >= 0) return true;
        int wordEnd = k + 1;
        while (k >= 0 && Character.isLetter(code.charAt(k))) k--;
        String word = code.substring(k + 1, wordEnd);
        return word.equals("return") || word.equals("typeof") || word.equals("case") || word.equals("in") || word.equals("of");
    }

    private static int regexEnd(String code, int i) {
        boolean inClass = false;
        for (int k = i + 1; k < code.length(); k++) {
            char c = code.charAt(k);
            if (c == '\n') return i; // not a regular expression after all
            if (c == '\\') {
                k++;
            } else if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                int end = k + 1;
                while (end < code.length() && Character.isLetter(code.charAt(end))) end++;
                return end;
            }
        }
        return i;
    }
}
