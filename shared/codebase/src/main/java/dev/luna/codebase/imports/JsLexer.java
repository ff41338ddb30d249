package dev.luna.codebase.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A tolerant JavaScript/TypeScript lexer: skips comments, reads strings, template literals (lexing the code inside
 * {@code ${...}} as tokens), regular expression literals (told from division by the previous token) and
 * punctuators. Never throws; an unterminated construct ends at the end of its line (strings) or of the input.
 */
final class JsLexer {
    private static final Set<String> BEFORE_REGEX = Set.of("return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void",
            "throw", "instanceof", "yield", "await");
    private static final Set<String> PUNCT3 = Set.of("===", "!==", "**=", "...", "<<=", ">>=", ">>>", ">>>=", "&&=", "||=", "??=");
    private static final int MAX_TOKENS = 2_000_000;

    private final String s;
    private final List<JsToken> out = new ArrayList<>();
    private int pos;
    private int line = 1;

    private JsLexer(String source) {
        this.s = source;
    }

    static List<JsToken> tokens(String source) {
        var lexer = new JsLexer(source);
        lexer.run();
        return lexer.out;
    }

    private void run() {
        var templateDepths = new ArrayList<Integer>();
        int braces = 0;
        while (pos < s.length() && out.size() < MAX_TOKENS) {
            char c = s.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '/' && peek(1) == '/') {
                while (pos < s.length() && s.charAt(pos) != '\n') pos++;
            } else if (c == '/' && peek(1) == '*') {
                int end = s.indexOf("*/", pos + 2);
                end = end < 0 ? s.length() : end + 2;
                countLines(pos, end);
                pos = end;
            } else if (c == '"' || c == '\'') {
                string(c);
            } else if (c == '`') {
                pos++;
                if (template()) {
                    templateDepths.add(braces);
                }
            } else if (c == '}' && !templateDepths.isEmpty() && templateDepths.getLast() == braces) {
                templateDepths.removeLast();
                pos++;
                if (template()) templateDepths.add(braces);
            } else if (Character.isJavaIdentifierStart(c) || c == '#') {
                int start = pos;
                pos++;
                while (pos < s.length() && Character.isJavaIdentifierPart(s.charAt(pos))) pos++;
                out.add(new JsToken(JsToken.Kind.IDENT, s.substring(start, pos), start, line));
            } else if (Character.isDigit(c) || c == '.' && Character.isDigit(peek(1))) {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '.' || s.charAt(pos) == '_')) pos++;
                out.add(new JsToken(JsToken.Kind.NUMBER, s.substring(start, pos), start, line));
            } else if (c == '/' && regexAllowed()) {
                regex();
            } else {
                if (c == '{') braces++;
                else if (c == '}') braces--;
                punct();
            }
        }
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private void countLines(int from, int to) {
        for (int i = from; i < to; i++) if (s.charAt(i) == '\n') line++;
    }

    private void string(char quote) {
        int start = pos;
        int startLine = line;
        pos++;
        var sb = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == quote) {
                pos++;
                break;
            }
            if (c == '\n') break;
            if (c == '\\' && pos + 1 < s.length()) {
                char n = s.charAt(pos + 1);
                if (n == '\n') line++;
                sb.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> n;
                });
                pos += 2;
                continue;
            }
            sb.append(c);
            pos++;
        }
        out.add(new JsToken(JsToken.Kind.STRING, sb.toString(), start, startLine));
    }

    /** Reads template text up to the closing backtick (returns false) or a {@code ${} (returns true). */
    private boolean template() {
        int start = pos;
        int startLine = line;
        var sb = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '`') {
                pos++;
                out.add(new JsToken(JsToken.Kind.TEMPLATE, sb.toString(), start, startLine));
                return false;
            }
            if (c == '\\' && pos + 1 < s.length()) {
                sb.append(s.charAt(pos + 1));
                if (s.charAt(pos + 1) == '\n') line++;
                pos += 2;
                continue;
            }
            if (c == '$' && peek(1) == '{') {
                pos += 2;
                out.add(new JsToken(JsToken.Kind.TEMPLATE, sb + "${", start, startLine));
                return true;
            }
            if (c == '\n') line++;
            sb.append(c);
            pos++;
        }
        out.add(new JsToken(JsToken.Kind.TEMPLATE, sb.toString(), start, startLine));
        return false;
    }

    private boolean regexAllowed() {
        if (out.isEmpty()) return true;
        var prev = out.getLast();
        return switch (prev.kind()) {
            case IDENT -> BEFORE_REGEX.contains(prev.text());
            case STRING, TEMPLATE, NUMBER, REGEX -> false;
            case PUNCT -> !prev.text().equals(")") && !prev.text().equals("]");
        };
    }

    private void regex() {
        int start = pos;
        pos++;
        boolean inClass = false;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\n') break;
            if (c == '\\') {
                pos += 2;
                continue;
            }
            if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            else if (c == '/' && !inClass) {
                pos++;
                while (pos < s.length() && Character.isLetter(s.charAt(pos))) pos++;
                break;
            }
            pos++;
        }
        pos = Math.min(pos, s.length());
        out.add(new JsToken(JsToken.Kind.REGEX, s.substring(start, pos), start, line));
    }

    private void punct() {
        int start = pos;
        for (int len = 4; len >= 2; len--) {
            if (pos + len <= s.length()) {
                String cand = s.substring(pos, pos + len);
                if (len >= 3 && PUNCT3.contains(cand) || len == 2 && isPunct2(cand)) {
                    pos += len;
                    out.add(new JsToken(JsToken.Kind.PUNCT, cand, start, line));
                    return;
                }
            }
        }
        pos++;
        out.add(new JsToken(JsToken.Kind.PUNCT, String.valueOf(s.charAt(start)), start, line));
    }

    private static boolean isPunct2(String p) {
        return switch (p) {
            case "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "**" -> true;
            default -> false;
        };
    }
}
