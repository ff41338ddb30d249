package dev.luna.workers.projectorganization.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reads the rule tables: tab-separated rows, {@code #} comments and blank lines skipped. */
public final class Tsv {
    private Tsv() {
    }

    /** The rows of a resource beside this class (under {@code rules/}), each with at least {@code columns} cells. */
    public static List<String[]> read(String name, int columns) {
        var out = new ArrayList<String[]>();
        for (var line : lines(name)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            var cells = line.split("\t", -1);
            if (cells.length < columns) throw new IllegalStateException(name + ": row needs " + columns + " columns: " + line);
            for (int i = 0; i < cells.length; i++) cells[i] = cells[i].trim();
            out.add(cells);
        }
        return List.copyOf(out);
    }

    /** The non-blank, non-comment lines of a resource beside this class, trimmed. */
    public static List<String> words(String name) {
        return lines(name).stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static List<String> lines(String name) {
        var in = Objects.requireNonNull(Tsv.class.getResourceAsStream(name), name);
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
