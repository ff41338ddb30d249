package dev.luna.codebase.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of a tab-separated rules file (rules as data): '#' starts a comment line, blank lines are skipped, cells are
 * stripped, and a row with another number of cells fails loudly. Shared by the rule tables of this package and of the
 * task types built on it.
 */
public final class Rules {
    private Rules() {
    }

    static List<String[]> read(String name, int columns) {
        return read(Rules.class, name, columns);
    }

    /** The rows of {@code name}, a resource beside {@code anchor}, each of exactly {@code columns} cells. */
    public static List<String[]> read(Class<?> anchor, String name, int columns) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing rules file " + name);
            var out = new ArrayList<String[]>();
            int n = 0;
            for (var line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                var cells = line.split("\t");
                if (cells.length != columns) throw new IllegalStateException(name + " line " + n + ": " + columns + " columns expected, got "
                        + Arrays.toString(cells));
                for (int i = 0; i < cells.length; i++) cells[i] = cells[i].strip();
                out.add(cells);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A pattern with an optional trailing '*' (prefix match), compared case-sensitively. */
    public static boolean matches(String pattern, String value) {
        if (value == null) return false;
        return pattern.endsWith("*") ? value.startsWith(pattern.substring(0, pattern.length() - 1)) : value.equals(pattern);
    }

    /** The ';'-separated parts of a cell, stripped, empty parts left out. */
    public static List<String> list(String cell) {
        var out = new ArrayList<String>();
        for (var part : cell.split(";")) if (!part.isBlank()) out.add(part.strip());
        return out;
    }
}
