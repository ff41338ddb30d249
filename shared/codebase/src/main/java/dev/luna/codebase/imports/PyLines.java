package dev.luna.codebase.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * Python source as logical lines: comments dropped, bracketed and backslash continuations joined, strings kept
 * (triple-quoted ones too) but never split. Each line keeps its first physical line number and indentation.
 */
final class PyLines {
    record Line(int line, int endLine, int indent, String text) {
    }

    private PyLines() {
    }

    static List<Line> of(String src) {
        var out = new ArrayList<Line>();
        var sb = new StringBuilder();
        int depth = 0;
        int line = 1;
        int startLine = 1;
        int indent = 0;
        boolean atStart = true;
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (atStart) {
                int col = 0;
                while (i < n && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) {
                    col += src.charAt(i) == '\t' ? 8 - col % 8 : 1;
                    i++;
                }
                indent = col;
                startLine = line;
                atStart = false;
                continue;
            }
            if (c == '#') {
                while (i < n && src.charAt(i) != '\n') i++;
            } else if (c == '"' || c == '\'') {
                boolean triple = i + 2 < n && src.charAt(i + 1) == c && src.charAt(i + 2) == c;
                int start = i;
                i += triple ? 3 : 1;
                while (i < n) {
                    char d = src.charAt(i);
                    if (d == '\\') {
                        if (i + 1 < n && src.charAt(i + 1) == '\n') line++;
                        i += 2;
                        continue;
                    }
                    if (d == '\n') {
                        if (!triple) break;
                        line++;
                    }
                    if (d == c && (!triple || i + 2 < n && src.charAt(i + 1) == c && src.charAt(i + 2) == c)) {
                        i += triple ? 3 : 1;
                        break;
                    }
                    i++;
                }
                sb.append(src, start, Math.min(i, n));
            } else if (c == '\\' && i + 1 < n && src.charAt(i + 1) == '\n') {
                i += 2;
                line++;
                sb.append(' ');
            } else if (c == '\n') {
                line++;
                i++;
                if (depth > 0) {
                    sb.append(' ');
                } else {
                    flush(out, sb, startLine, line - 1, indent);
                    atStart = true;
                }
            } else {
                if (c == '(' || c == '[' || c == '{') depth++;
                else if ((c == ')' || c == ']' || c == '}') && depth > 0) depth--;
                sb.append(c);
                i++;
            }
        }
        flush(out, sb, startLine, line, indent);
        return out;
    }

    private static void flush(List<Line> out, StringBuilder sb, int start, int end, int indent) {
        String text = sb.toString().strip();
        if (!text.isEmpty()) out.add(new Line(start, end, indent, text));
        sb.setLength(0);
    }

    /** Splits at top-level commas (outside brackets and strings). */
    static List<String> splitArgs(String s) {
        var out = new ArrayList<String>();
        int depth = 0;
        int start = 0;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') quote = c;
            else if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') depth--;
            else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i).trim());
                start = i + 1;
            }
        }
        if (start < s.length() && !s.substring(start).isBlank()) out.add(s.substring(start).trim());
        return out;
    }

    /** The text between the parenthesis at {@code open} and its match. */
    static String inside(String s, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') quote = c;
            else if (c == '(' || c == '[') depth++;
            else if ((c == ')' || c == ']') && --depth == 0) return s.substring(open + 1, i);
        }
        return s.substring(Math.min(open + 1, s.length()));
    }

    /** A Python string literal's value (prefixes like f/r/b dropped), or null when {@code s} is not one. */
    static String literal(String s) {
        String t = s.trim();
        int q = 0;
        while (q < t.length() && q < 2 && Character.isLetter(t.charAt(q))) q++;
        t = t.substring(q);
        if (t.length() >= 6 && (t.startsWith("\"\"\"") || t.startsWith("'''"))) return t.substring(3, t.length() - 3);
        if (t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'') && t.charAt(t.length() - 1) == t.charAt(0)) {
            return t.substring(1, t.length() - 1);
        }
        return null;
    }

    /** The value of keyword argument {@code name} among {@code args}, or null. */
    static String kwarg(List<String> args, String name) {
        for (var a : args) {
            int eq = a.indexOf('=');
            if (eq > 0 && a.substring(0, eq).trim().equals(name) && (eq + 1 >= a.length() || a.charAt(eq + 1) != '=')) {
                return a.substring(eq + 1).trim();
            }
        }
        return null;
    }
}
