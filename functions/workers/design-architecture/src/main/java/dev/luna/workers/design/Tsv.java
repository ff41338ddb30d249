package dev.luna.workers.design;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Rows of a tab-separated rules file of this module: '#' comment lines and blank lines skipped, cells stripped. */
final class Tsv {
    private Tsv() {
    }

    static List<String[]> read(String name, int columns) {
        try (InputStream in = Tsv.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing " + name);
            var out = new ArrayList<String[]>();
            int n = 0;
            for (var line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                var cells = line.split("\t");
                if (cells.length != columns) throw new IllegalStateException(name + " line " + n + ": expected " + columns + " columns");
                for (int i = 0; i < cells.length; i++) cells[i] = cells[i].strip();
                out.add(cells);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> list(String cell) {
        var out = new ArrayList<String>();
        for (var part : cell.split(";")) if (!part.isBlank()) out.add(part.strip());
        return out;
    }

    static boolean matches(String pattern, String value) {
        if (value == null) return false;
        return pattern.endsWith("*") ? value.startsWith(pattern.substring(0, pattern.length() - 1)) : value.equals(pattern);
    }
}
