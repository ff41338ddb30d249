package dev.luna.workers.aiintegration.find;

import java.util.Comparator;

/** Evidence: a line of the analysed revision ({@code file} relative, '/' separated; {@code line} 1-based) and what it shows. */
public record Spot(String file, int line, String detail) {
    public static final Comparator<Spot> ORDER = Comparator.comparing(Spot::file).thenComparingInt(Spot::line).thenComparing(Spot::detail);

    public String location() {
        return file + ":" + line;
    }
}
