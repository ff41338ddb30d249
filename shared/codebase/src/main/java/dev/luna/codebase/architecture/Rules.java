package dev.luna.codebase.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Rows of a tab-separated rules file beside this class: '#' starts a comment line, blank lines are skipped. */
final class Rules {
    private Rules() {
    }

    static List<String[]> read(String name, int columns) {
        try (InputStream in = Rules.class.getResourceAsStream(name)) {
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
    static boolean matches(String pattern, String value) {
        if (value == null) return false;
        return pattern.endsWith("*") ? value.startsWith(pattern.substring(0, pattern.length() - 1)) : value.equals(pattern);
    }
}
