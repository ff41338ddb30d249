package dev.luna.llm;

import java.util.Locale;

/**
 * How the router orders the capable models: cheapest estimated cost first, lowest expected latency first, or the
 * model (or provider) the caller pinned first.
 */
public enum Strategy {
    CHEAPEST_CAPABLE, FASTEST, PINNED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Strategy fromWire(String s) {
        for (var v : values()) if (v.wire().equals(s)) return v;
        return null;
    }
}
