package dev.luna.llm;

import java.util.Locale;

/** What a model can do, as the catalog declares it and a request may require it. */
public enum Capability {
    TOOLS, VISION, JSON, STREAMING;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Capability fromWire(String s) {
        for (var c : values()) if (c.wire().equals(s)) return c;
        return null;
    }
}
