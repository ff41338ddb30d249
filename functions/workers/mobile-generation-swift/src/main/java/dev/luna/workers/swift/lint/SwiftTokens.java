package dev.luna.workers.swift.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * Swift source as tokens (identifiers, numbers, string literals, single punctuation characters) with their offsets
 * and lines; comments and whitespace dropped. String literals (plain, multi-line, raw, with interpolations) are one
 * token each, so nothing inside them is mistaken for code. Enough for the HIG rules, which look at call shapes.
 */
public final class SwiftTokens {
    /** One token; {@code end} is exclusive. */
    public record Token(Kind kind, String text, int start, int end, int line) {
        public boolean is(String s) {
            return text.equals(s);
        }

        public boolean ident(String s) {
            return kind == Kind.IDENT && text.equals(s);
        }
    }

    public enum Kind { IDENT, NUMBER, STRING, PUNCT }

    private final String src;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int line = 1;
    private boolean balanced = true;

    private SwiftTokens(String src) {
        this.src = src;
    }

    public static SwiftTokens of(String source) {
        var t = new SwiftTokens(source);
        t.scan();
        return t;
    }

    public List<Token> list() {
        return tokens;
    }

    public String source() {
        return src;
    }

    /** False when a string or comment does not end, or brackets do not pair. */
    public boolean balanced() {
        return balanced && bracketsPair();
    }

    /** The 1-based line of an offset. */
    public int lineAt(int offset) {
        int l = 1;
        for (int i = 0; i < offset && i < src.length(); i++) if (src.charAt(i) == '\n') l++;
        return l;
    }

    private void scan() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (src.startsWith("//", pos)) {
                while (pos < src.length() && src.charAt(pos) != '\n') pos++;
            } else if (src.startsWith("/*", pos)) {
                blockComment();
            } else if (c == '"' || c == '#' && rawStringAhead()) {
                int start = pos;
                int startLine = line;
                string();
                tokens.add(new Token(Kind.STRING, src.substring(start, pos), start, pos, startLine));
            } else if (Character.isLetter(c) || c == '_' || c == '$' || c == '`') {
                int start = pos;
                if (c == '`') {
                    pos++;
                    while (pos < src.length() && src.charAt(pos) != '`' && src.charAt(pos) != '\n') pos++;
                    pos++;
                } else {
                    while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_' || src.charAt(pos) == '$')) pos++;
                }
                tokens.add(new Token(Kind.IDENT, src.substring(start, Math.min(pos, src.length())).replace("`", ""), start, Math.min(pos, src.length()), line));
            } else if (Character.isDigit(c)) {
                int start = pos;
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_'
                        || src.charAt(pos) == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) pos++;
                tokens.add(new Token(Kind.NUMBER, src.substring(start, pos), start, pos, line));
            } else {
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c), pos, pos + 1, line));
                pos++;
            }
        }
    }

    private boolean rawStringAhead() {
        int p = pos;
        while (p < src.length() && src.charAt(p) == '#') p++;
        return p < src.length() && src.charAt(p) == '"';
    }

    private void blockComment() {
        int depth = 0;
        do {
            if (src.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (src.startsWith("*/", pos)) {
                depth--;
                pos += 2;
            } else {
                if (src.charAt(pos) == '\n') line++;
                pos++;
            }
        } while (depth > 0 && pos < src.length());
        if (depth > 0) balanced = false;
    }

    /** A string literal from {@code pos}: {@code #*"…"#*} or {@code #*"""…"""#*}, with {@code \#*(…)} interpolations. */
    private void string() {
        int hashes = 0;
        while (src.charAt(pos) == '#') {
            hashes++;
            pos++;
        }
        boolean multi = src.startsWith("\"\"\"", pos);
        pos += multi ? 3 : 1;
        String close = (multi ? "\"\"\"" : "\"") + "#".repeat(hashes);
        String escape = "\\" + "#".repeat(hashes);
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                line++;
                if (!multi) {
                    balanced = false;
                    return;
                }
            }
            if (src.startsWith(escape, pos)) {
                pos += escape.length();
                if (pos < src.length() && src.charAt(pos) == '(') interpolation();
                else pos++;
                continue;
            }
            if (src.startsWith(close, pos)) {
                pos += close.length();
                return;
            }
            pos++;
        }
        balanced = false;
    }

    /** Skips {@code ( … )} inside a string, nested strings included. */
    private void interpolation() {
        int depth = 0;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '"') {
                string();
                continue;
            }
            if (c == '\n') line++;
            if (c == '(') depth++;
            if (c == ')' && --depth == 0) {
                pos++;
                return;
            }
            pos++;
        }
        balanced = false;
    }

    private boolean bracketsPair() {
        var stack = new ArrayList<Character>();
        for (Token t : tokens) {
            if (t.kind() != Kind.PUNCT) continue;
            char c = t.text().charAt(0);
            if (c == '(' || c == '[' || c == '{') stack.add(c);
            else if (c == ')' || c == ']' || c == '}') {
                if (stack.isEmpty()) return false;
                char open = stack.remove(stack.size() - 1);
                if ("([{".indexOf(open) != ")]}".indexOf(c)) return false;
            }
        }
        return stack.isEmpty();
    }
}
