package dev.luna.codebase.architecture;

import java.util.Comparator;

/** A place in the analysed revision: a relative file and a 1-based line (0 when only the file is known). */
public record Location(String file, int line) {
    public static final Comparator<Location> ORDER = Comparator.comparing(Location::file).thenComparingInt(Location::line);

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
