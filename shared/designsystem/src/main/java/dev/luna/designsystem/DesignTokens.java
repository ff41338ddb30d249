package dev.luna.designsystem;

import dev.luna.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Luna's mobile design system, read from one W3C Design Tokens file ({@code tokens.json} in this package): semantic
 * colours with light and dark values, Dynamic Type text styles, an 8-point spacing scale, corner radii, elevation,
 * motion with reduced-motion alternatives, and the minimum hit target. Generators render these into their platform's
 * form (Swift asset catalogs and constants, a React Native theme); {@link #json()} is the file itself.
 *
 * <p>Extensions the W3C format has no field for (dark values, colour roles, SwiftUI names, reduced motion) live under
 * {@code $extensions["dev.luna"]}. Every list keeps the file's order, so output rendered from it is deterministic.
 */
public final class DesignTokens {
    private static final String EXT = "dev.luna";

    private final String json;
    private final List<ColorToken> colors;
    private final List<TextStyle> textStyles;
    private final List<Dimension> spacing;
    private final List<Dimension> radii;
    private final List<Elevation> elevations;
    private final List<Motion.Duration> durations;
    private final List<Motion.Spring> springs;
    private final Dimension minimumHitTarget;

    private DesignTokens(String json) {
        this.json = json;
        JsonNode root = Json.mapper().readTree(json);
        colors = groupOf(root.path("color"), (name, t) -> new ColorToken(name, hex(t.path("$value")), hex(ext(t).path("dark")),
                ColorToken.Role.valueOf(ext(t).path("role").asString().toUpperCase(Locale.ROOT)),
                ext(t).path("on").isMissingNode() ? null : ext(t).path("on").asString(), description(t)));
        textStyles = groupOf(root.path("typography"), (name, t) -> {
            JsonNode v = t.path("$value");
            return new TextStyle(name, ext(t).path("swiftTextStyle").asString(), points(v.path("fontSize")),
                    ext(t).path("leading").asDouble(), v.path("fontWeight").asInt(), ext(t).path("largeText").asBoolean(),
                    description(t));
        });
        spacing = groupOf(root.path("spacing"), (name, t) -> new Dimension(name, points(t.path("$value")), description(t)));
        radii = groupOf(root.path("radius"), (name, t) -> new Dimension(name, points(t.path("$value")), description(t)));
        elevations = groupOf(root.path("elevation"), (name, t) -> new Elevation(name, points(t.path("$value").path("offsetY")),
                points(t.path("$value").path("blur")), ext(t).path("opacity").asDouble(), description(t)));
        durations = groupOf(root.path("motion").path("duration"), (name, t) -> new Motion.Duration(name,
                t.path("$value").path("value").asInt(), ext(t).path("reducedMotion").path("value").asInt(), description(t)));
        springs = groupOf(root.path("motion").path("spring"), (name, t) -> new Motion.Spring(name,
                t.path("$value").path("response").asDouble(), t.path("$value").path("dampingFraction").asDouble(),
                ext(t).path("reducedMotion").path("duration").path("value").asInt(), description(t)));
        JsonNode target = root.path("size").path("minimumHitTarget");
        minimumHitTarget = new Dimension("minimumHitTarget", points(target.path("$value")), description(target));
    }

    /** The design system shipped with Luna. */
    public static DesignTokens standard() {
        try (InputStream in = DesignTokens.class.getResourceAsStream("tokens.json")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a tokens document of the same shape (tests use this to check a deliberately bad palette). */
    public static DesignTokens parse(String json) {
        return new DesignTokens(json);
    }

    /** The W3C Design Tokens document itself, for generators that ship it as-is (e.g. in a React Native theme). */
    public String json() {
        return json;
    }

    /** Semantic colours, in file order. */
    public List<ColorToken> colors() {
        return colors;
    }

    /** The colour with this name; throws if there is none. */
    public ColorToken color(String name) {
        return colors.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no colour token " + name));
    }

    /** Dynamic Type text styles, largeTitle … caption2. */
    public List<TextStyle> textStyles() {
        return textStyles;
    }

    /** The spacing scale (multiples of 8 pt, with 4 and 12 pt half steps), smallest first. */
    public List<Dimension> spacing() {
        return spacing;
    }

    /** Corner radii, smallest first. */
    public List<Dimension> radii() {
        return radii;
    }

    /** Shadow levels, flattest first. */
    public List<Elevation> elevations() {
        return elevations;
    }

    /** Animation durations with their reduced-motion values. */
    public List<Motion.Duration> durations() {
        return durations;
    }

    /** Springs with their reduced-motion cross-fades. */
    public List<Motion.Spring> springs() {
        return springs;
    }

    /** The smallest allowed tappable size (44 pt). */
    public Dimension minimumHitTarget() {
        return minimumHitTarget;
    }

    private interface TokenReader<T> {
        T read(String name, JsonNode token);
    }

    private static <T> List<T> groupOf(JsonNode group, TokenReader<T> reader) {
        if (!group.isObject()) {
            throw new IllegalArgumentException("design tokens: a group is missing");
        }
        List<T> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : group.properties()) {
            if (!e.getKey().startsWith("$")) {
                out.add(reader.read(e.getKey(), e.getValue()));
            }
        }
        return List.copyOf(out);
    }

    private static JsonNode ext(JsonNode token) {
        return token.path("$extensions").path(EXT);
    }

    private static String description(JsonNode token) {
        return token.path("$description").asString("");
    }

    private static String hex(JsonNode value) {
        String hex = value.asString("");
        Wcag.parse(hex);
        return hex.toUpperCase(Locale.ROOT);
    }

    private static double points(JsonNode dimension) {
        if (!dimension.path("unit").asString("").equals("px")) {
            throw new IllegalArgumentException("design tokens: expected a px dimension, got " + dimension);
        }
        return dimension.path("value").asDouble();
    }
}
