package dev.luna.codebase.metrics;

import java.util.Arrays;

/** The code tokens of a file (parallel arrays) and the per-line code/comment flags. */
final class Tokens {
    private String[] text;
    private int[] line;
    private byte[] flags;
    private int[] indent;
    private int size;
    byte[] lineFlags = new byte[1];
    int lineCount;

    Tokens(int capacity) {
        text = new String[capacity];
        line = new int[capacity];
        flags = new byte[capacity];
        indent = new int[capacity];
    }

    void add(String t, int ln, byte f, int ind) {
        if (size == text.length) {
            int cap = size * 2;
            text = Arrays.copyOf(text, cap);
            line = Arrays.copyOf(line, cap);
            flags = Arrays.copyOf(flags, cap);
            indent = Arrays.copyOf(indent, cap);
        }
        text[size] = t;
        line[size] = ln;
        flags[size] = f;
        indent[size] = ind;
        size++;
    }

    int size() {
        return size;
    }

    String text(int i) {
        return text[i];
    }

    boolean is(int i, String t) {
        return i >= 0 && i < size && text[i].equals(t);
    }

    int line(int i) {
        return line[i];
    }

    boolean has(int i, byte flag) {
        return (flags[i] & flag) != 0;
    }

    /** Indentation (columns, tab = 8) of a token that starts its line, else -1. */
    int indent(int i) {
        return indent[i];
    }

    boolean isWord(int i) {
        return i >= 0 && i < size && Character.isJavaIdentifierStart(text[i].charAt(0));
    }
}
