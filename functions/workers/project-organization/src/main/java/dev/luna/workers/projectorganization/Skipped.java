package dev.luna.workers.projectorganization;

import java.util.Comparator;

/** Something the analysis left out, and why ({@code path} may be {@code .} for the whole tree, or a check's name). */
public record Skipped(String path, String reason) {
    public static final Comparator<Skipped> ORDER = Comparator.comparing(Skipped::path).thenComparing(Skipped::reason);
}
