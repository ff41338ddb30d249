package dev.luna.codebase.source;

/**
 * The deepest bracket nesting of a text, ignoring quotes: a cheap guard run before a recursive parser, so a
 * pathological file is skipped as {@code too-deep} instead of overflowing the stack.
 */
public final class Nesting {
    private Nesting() {
    }

    /** True when '(', '[' or '{' nest deeper than {@code max} anywhere in the text. */
    public static boolean deeperThan(CharSequence text, int max) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                if (++depth > max) return true;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
        return false;
    }
}
