package dev.luna.workers.expoapp.design;

import dev.luna.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The design tokens ({@code design/tokens.json}, W3C design-tokens JSON): semantic colours with light and dark values,
 * text styles, spacing, radii, durations and the minimum hit target; and the contrast of every declared text/background pair.
 */
public record DesignTokens(Map<String, String[]> colors, Map<String, int[]> textStyles, Map<String, String> weights, Map<String, Integer> spacing,
                           Map<String, Integer> radii, Map<String, Integer> durations, int hitTarget, List<String[]> pairs) {
    private static final DesignTokens DEFAULT = load();

    public static DesignTokens standard() {
        return DEFAULT;
    }

    private static DesignTokens load() {
        JsonNode root;
        try (var in = DesignTokens.class.getClassLoader().getResourceAsStream("design/tokens.json")) {
            if (in == null) throw new IllegalStateException("design/tokens.json missing");
            root = Json.tree(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var colors = new LinkedHashMap<String, String[]>();
        root.path("color").properties().forEach(e -> colors.put(e.getKey(),
                new String[] {e.getValue().path("$value").path("light").asString(), e.getValue().path("$value").path("dark").asString()}));
        var text = new LinkedHashMap<String, int[]>();
        var weights = new LinkedHashMap<String, String>();
        root.path("typography").properties().forEach(e -> {
            var v = e.getValue().path("$value");
            text.put(e.getKey(), new int[] {v.path("fontSize").asInt(), v.path("lineHeight").asInt()});
            weights.put(e.getKey(), v.path("fontWeight").asString());
        });
        var pairs = new ArrayList<String[]>();
        root.path("contrast").path("pairs").forEach(p -> pairs.add(new String[] {p.get(0).asString(), p.get(1).asString()}));
        return new DesignTokens(colors, text, weights, dims(root.path("spacing")), dims(root.path("radius")), dims(root.path("duration")),
                root.path("hitTarget").path("minimum").path("$value").asInt(44), pairs);
    }

    private static Map<String, Integer> dims(JsonNode node) {
        var out = new LinkedHashMap<String, Integer>();
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().path("$value").asInt()));
        return out;
    }

    /** One measured pair: {@code text} on {@code background} in one appearance. */
    public record ContrastResult(String text, String background, String appearance, double ratio, boolean passes) {
    }

    /** The contrast of every declared pair in light and dark, in declaration order. */
    public List<ContrastResult> contrast() {
        var out = new ArrayList<ContrastResult>();
        for (var p : pairs) {
            for (int mode = 0; mode < 2; mode++) {
                double r = Contrast.ratio(colors.get(p[0])[mode], colors.get(p[1])[mode]);
                out.add(new ContrastResult(p[0], p[1], mode == 0 ? "light" : "dark", Math.round(r * 100) / 100.0, r >= 4.5));
            }
        }
        return out;
    }

    /** The text style whose size is nearest {@code size} (ties: the first declared). */
    public String nearestTextStyle(double size) {
        String best = "body";
        double diff = Double.MAX_VALUE;
        for (var e : textStyles.entrySet()) {
            double d = Math.abs(e.getValue()[0] - size);
            if (d < diff) {
                diff = d;
                best = e.getKey();
            }
        }
        return best;
    }
}
