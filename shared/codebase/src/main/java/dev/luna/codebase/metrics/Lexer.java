package dev.luna.codebase.metrics;

import dev.luna.codebase.metrics.LanguageSpec.Family;

/**
 * One pass over a file that marks each line as holding code and/or comment and emits the code tokens (words and
 * operators; string and comment contents are not tokens). Strings count as code. Decisions, per family:
 * <ul>
 * <li>C-like: {@code //} and {@code /* *}{@code /} comments (nested where the language nests them), {@code "…"}
 * strings with backslash escapes, {@code '…'} strings in JavaScript/PHP and character literals elsewhere (a lone
 * quote such as a Rust lifetime is code), triple-quoted text blocks, backquoted template literals / raw strings
 * (their {@code ${…}} parts are treated as string), JavaScript regular-expression literals.</li>
 * <li>Python: {@code #} comments; a string that starts a logical line (a docstring, or a bare string used as a
 * comment) is counted as comment, every other string as code.</li>
 * <li>Ruby: {@code #} comments and {@code =begin}/{@code =end} blocks; shell: {@code #} at the start of a word.
 * Heredocs in both are strings (code).</li>
 * <li>Data (YAML, JSON, XML, Markdown): lines only; {@code #} comments in YAML, {@code <!-- -->} in XML/Markdown.</li>
 * </ul>
 * Everything is bounded by the text's length: an unterminated comment or string runs to the end of the file.
 */
final class Lexer {
    static final byte CODE = 1, COMMENT = 2;
    static final byte SPACED_BEFORE = 1, SPACED_AFTER = 2, LINE_START = 4;

    private final String s;
    private final LanguageSpec spec;
    private final int n;
    private final Tokens tokens;
    private byte[] lines;
    private int line = 1;
    private int lastTokenLine = 0;

    private Lexer(String text, LanguageSpec spec) {
        this.s = text;
        this.spec = spec;
        this.n = text.length();
        this.tokens = new Tokens(Math.max(16, n / 6));
        this.lines = new byte[countLines(text) + 1];
    }

    static Tokens lex(String text, LanguageSpec spec) {
        var lexer = new Lexer(text, spec);
        lexer.run();
        lexer.tokens.lineFlags = lexer.lines;
        lexer.tokens.lineCount = lexer.lines.length - 1;
        return lexer.tokens;
    }

    private static int countLines(String text) {
        if (text.isEmpty()) return 0;
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') count++;
        }
        return text.charAt(text.length() - 1) == '\n' ? count - 1 : count;
    }

    private void run() {
        Family f = spec.family();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            char next = i + 1 < n ? s.charAt(i + 1) : 0;
            if (c == '\n') {
                line++;
                i++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                i++;
            } else if (spec.lineComment() != null && s.startsWith(spec.lineComment(), i) && (f != Family.SHELL || wordStart(i))
                    || spec.hashComment() && c == '#' && (f != Family.SHELL || wordStart(i)) && !(next == '[' && f == Family.C_LIKE)) {
                i = mark(i, lineEnd(i), COMMENT);
            } else if (spec.blockComment() && f == Family.DATA && s.startsWith("<!--", i)) {
                int end = s.indexOf("-->", i + 4);
                i = mark(i, end < 0 ? n : end + 3, COMMENT);
            } else if (spec.blockComment() && f != Family.DATA && c == '/' && next == '*') {
                i = mark(i, blockEnd(i), COMMENT);
            } else if (f == Family.RUBY && c == '=' && s.startsWith("=begin", i) && atLineStart(i)) {
                int end = s.indexOf("\n=end", i);
                i = mark(i, end < 0 ? n : lineEnd(end + 1), COMMENT);
            } else if (f == Family.DATA) {
                i = mark(i, i + 1, CODE);
            } else if (spec.tripleQuotes() && (c == '"' || c == '\'' && f == Family.PYTHON) && s.startsWith(triple(c), i)) {
                int end = tripleEnd(i, c);
                boolean docstring = f == Family.PYTHON && startsLogicalLine();
                i = mark(i, end, docstring ? COMMENT : CODE);
            } else if (c == '"' || c == '\'' && spec.singleQuotes()) {
                i = mark(i, quoted(i, c, f != Family.SHELL || c == '"', f == Family.SHELL || f == Family.RUBY), CODE);
            } else if (c == '`' && spec.backticks()) {
                i = mark(i, quoted(i, '`', !spec.name().equals("go"), true), CODE);
            } else if (c == '\'' && f == Family.C_LIKE && charLiteral(i) > i) {
                i = mark(i, charLiteral(i), CODE);
            } else if ((f == Family.RUBY || f == Family.SHELL) && c == '<' && next == '<' && heredoc(i) > i) {
                i = mark(i, heredoc(i), CODE);
            } else if (f == Family.SHELL && c == '$' && next == '{') {
                int end = s.indexOf('}', i);
                i = mark(i, end < 0 ? lineEnd(i) : end + 1, CODE);
            } else if (spec.regexLiterals() && c == '/' && regexAllowed() && regexEnd(i) > i) {
                i = mark(i, regexEnd(i), CODE);
            } else if (Character.isJavaIdentifierStart(c)) {
                int end = i + 1;
                while (end < n && (Character.isJavaIdentifierPart(s.charAt(end)) || f == Family.RUBY && (s.charAt(end) == '?'
                        || s.charAt(end) == '!') && end + 1 < n && s.charAt(end + 1) != '=')) end++;
                emit(i, end);
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '.' || s.charAt(end) == '_')) end++;
                lines[line] |= CODE;
                i = end;
            } else {
                int len = operatorLength(i, c, next);
                emit(i, i + len);
                i += len;
            }
        }
    }

    private static String triple(char c) {
        return c == '"' ? "\"\"\"" : "'''";
    }

    private int operatorLength(int i, char c, char next) {
        String two = next == 0 ? "" : "" + c + next;
        return switch (two) {
            case "&&", "||", "??", "?.", "?:", "=>", "->", "::", ";;", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "|=", "&=" -> 2;
            default -> 1;
        };
    }

    private void emit(int from, int to) {
        byte flags = 0;
        if (from == 0 || Character.isWhitespace(s.charAt(from - 1))) flags |= SPACED_BEFORE;
        if (to >= n || Character.isWhitespace(s.charAt(to))) flags |= SPACED_AFTER;
        int indent = -1;
        if (line != lastTokenLine) {
            flags |= LINE_START;
            indent = indentOf(from);
            lastTokenLine = line;
        }
        tokens.add(s.substring(from, to), line, flags, indent);
        lines[line] |= CODE;
    }

    private int indentOf(int pos) {
        int k = pos - 1;
        int width = 0;
        while (k >= 0 && s.charAt(k) != '\n') {
            width += s.charAt(k) == '\t' ? 8 : 1;
            k--;
        }
        return width;
    }

    /** Marks [from, to) as {@code kind} on every line it spans, advancing the line counter; returns {@code to}. */
    private int mark(int from, int to, byte kind) {
        to = Math.min(Math.max(to, from + 1), n);
        lines[line] |= kind;
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == '\n') {
                line++;
                if (k + 1 < to) lines[line] |= kind;
            }
        }
        return to;
    }

    private boolean wordStart(int i) {
        return i == 0 || Character.isWhitespace(s.charAt(i - 1)) || s.charAt(i - 1) == ';';
    }

    private boolean atLineStart(int i) {
        return i == 0 || s.charAt(i - 1) == '\n';
    }

    /** True when no token has been emitted on this line yet and the previous token does not continue an expression. */
    private boolean startsLogicalLine() {
        if (lastTokenLine == line) return false;
        if (tokens.size() == 0) return true;
        String prev = tokens.text(tokens.size() - 1);
        return !(prev.equals("(") || prev.equals("[") || prev.equals(",") || prev.equals("=") || prev.equals("{") || prev.equals("\\")
                || prev.equals("+"));
    }

    private int lineEnd(int i) {
        int nl = s.indexOf('\n', i);
        return nl < 0 ? n : nl;
    }

    private int blockEnd(int i) {
        int depth = 0;
        for (int k = i; k < n - 1; k++) {
            char c = s.charAt(k);
            if (c == '/' && s.charAt(k + 1) == '*' && (depth == 0 || spec.nestedComments())) {
                depth++;
                k++;
            } else if (c == '*' && s.charAt(k + 1) == '/') {
                depth--;
                k++;
                if (depth == 0) return k + 1;
            }
        }
        return n;
    }

    private int tripleEnd(int i, char c) {
        String q = triple(c);
        for (int k = i + 3; k <= n - 3; k++) {
            char ch = s.charAt(k);
            if (ch == '\\') {
                k++;
            } else if (ch == c && s.startsWith(q, k)) {
                int end = k + 3;
                while (end < n && s.charAt(end) == c) end++;
                return end;
            }
        }
        return n;
    }

    /** End (exclusive) of a quoted literal; a single-line one ends at a newline when unterminated. */
    private int quoted(int i, char quote, boolean escapes, boolean multiLine) {
        for (int k = i + 1; k < n; k++) {
            char c = s.charAt(k);
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

    private int charLiteral(int i) {
        if (i + 2 < n && s.charAt(i + 1) != '\\' && s.charAt(i + 1) != '\n' && s.charAt(i + 2) == '\'') return i + 3;
        if (i + 1 < n && s.charAt(i + 1) == '\\') {
            for (int k = i + 3; k < Math.min(n, i + 12); k++) {
                if (s.charAt(k) == '\'') return k + 1;
                if (s.charAt(k) == '\n') break;
            }
        }
        return i;
    }

    /** {@code <<EOF}, {@code <<-EOF}, {@code <<~EOF}, quoted or not: the end of its terminator line, or i. */
    private int heredoc(int i) {
        int k = i + 2;
        if (k < n && (s.charAt(k) == '-' || s.charAt(k) == '~')) k++;
        if (k < n && (s.charAt(k) == '\'' || s.charAt(k) == '"')) k++;
        int wordStart = k;
        while (k < n && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_')) k++;
        if (k - wordStart < 1 || !Character.isUpperCase(s.charAt(wordStart))) return i;
        String word = s.substring(wordStart, k);
        int pos = lineEnd(k);
        while (pos < n) {
            int start = pos + 1;
            int end = lineEnd(start);
            if (s.substring(start, end).strip().equals(word)) return end;
            pos = end;
        }
        return n;
    }

    private boolean regexAllowed() {
        if (tokens.size() == 0) return true;
        String prev = tokens.text(tokens.size() - 1);
        if (prev.length() == 1 && "(,=:[!&|?{};+-*%<>~^".indexOf(prev.charAt(0)) >= 0) return true;
        return prev.equals("return") || prev.equals("typeof") || prev.equals("case") || prev.equals("&&") || prev.equals("||")
                || prev.equals("=>") || prev.equals("??");
    }

    private int regexEnd(int i) {
        if (i + 1 < n && (s.charAt(i + 1) == '/' || s.charAt(i + 1) == '*')) return i;
        boolean inClass = false;
        for (int k = i + 1; k < n; k++) {
            char c = s.charAt(k);
            if (c == '\n') return i;
            if (c == '\\') {
                k++;
            } else if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                int end = k + 1;
                while (end < n && Character.isLetter(s.charAt(end))) end++;
                return end;
            }
        }
        return i;
    }
}
