package dev.luna.codebase.architecture;

import java.util.Comparator;
import java.util.List;

/** A dependency that points up the layers: {@code from} (in {@code fromLayer}) uses {@code to} (in {@code toLayer}). */
public record LayerViolation(String from, Layer fromLayer, String to, Layer toLayer, int weight, List<Location> evidence) {
    public static final Comparator<LayerViolation> ORDER = Comparator.comparing(LayerViolation::from).thenComparing(LayerViolation::to);

    public LayerViolation {
        evidence = List.copyOf(evidence);
    }
}
