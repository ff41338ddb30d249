package dev.luna.llm;

import java.util.Locale;

/**
 * How demanding a request is. A model's catalog {@code tier} is the highest complexity it is fit for, so a
 * {@code complex} model serves every request and a {@code simple} one only simple requests.
 */
public enum Complexity {
    SIMPLE, MEDIUM, COMPLEX;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Complexity fromWire(String s) {
        for (var c : values()) if (c.wire().equals(s)) return c;
        return null;
    }
}
