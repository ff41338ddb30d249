package dev.luna.codebase.source;

import java.util.Arrays;

/** Maps character offsets of a text to 1-based line numbers. */
public final class LineIndex {
    private final int[] starts;

    public LineIndex(CharSequence text) {
        var s = new int[16];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == s.length) s = Arrays.copyOf(s, n * 2);
                s[n++] = i + 1;
            }
        }
        starts = Arrays.copyOf(s, n);
    }

    public int line(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }
}
