package dev.luna.workers.expoapp.render;

import java.util.Locale;

/** Numbers from the design tokens as TypeScript/JavaScript literals: 44 rather than 44.0. */
public final class Numbers {
    private Numbers() {
    }

    public static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
