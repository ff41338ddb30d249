package dev.luna.workers.swift.render;

import dev.luna.designsystem.ColorToken;
import dev.luna.designsystem.ContrastReport;
import dev.luna.designsystem.DesignTokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shared design tokens as Swift: {@code DS.swift} (colours from the asset catalog, {@code Font.TextStyle}
 * typography, spacing, radii, elevation, motion) and an asset catalog with one colour set per semantic colour, light
 * and dark. Used by generated apps (in the core package: {@code bundle: .module}) and by the audit's redesign patch
 * (in the analysed app: {@code bundle: nil}, the main bundle).
 */
public final class DesignSystemFiles {
    private final DesignTokens tokens;

    public DesignSystemFiles(DesignTokens tokens) {
        this.tokens = tokens;
    }

    public DesignTokens tokens() {
        return tokens;
    }

    /** {@code DS.swift}; {@code bundle} is the Swift expression of the bundle holding the colour sets. */
    public String swift(String bundle) {
        var view = new LinkedHashMap<String, Object>();
        view.put("minimumHitTarget", number(tokens.minimumHitTarget().points()));
        var colors = new ArrayList<Map<String, Object>>();
        for (ColorToken c : tokens.colors()) {
            colors.add(Map.of("name", c.name(), "description", c.description(), "light", c.light(), "dark", c.dark(), "bundle", bundle));
        }
        view.put("colors", colors);
        view.put("textStyles", tokens.textStyles().stream().map(t -> Map.of("name", t.name(), "swiftTextStyle", t.swiftTextStyle(),
                "size", number(t.size()), "leading", number(t.leading()))).toList());
        view.put("spacing", tokens.spacing().stream().map(d -> Map.of("name", d.name(), "points", number(d.points()), "description", d.description())).toList());
        view.put("radii", tokens.radii().stream().map(d -> Map.of("name", d.name(), "points", number(d.points()), "description", d.description())).toList());
        view.put("elevations", tokens.elevations().stream().map(e -> Map.of("name", e.name(), "opacity", number(e.opacity()), "blur", number(e.blur()),
                "offsetY", number(e.offsetY()), "description", e.description())).toList());
        view.put("durations", tokens.durations().stream().map(d -> Map.of("name", d.name(), "seconds", number(d.millis() / 1000.0),
                "reducedSeconds", number(d.reducedMillis() / 1000.0), "description", d.description())).toList());
        view.put("springs", tokens.springs().stream().map(s -> Map.of("name", s.name(), "response", number(s.response()),
                "dampingFraction", number(s.dampingFraction()), "reducedSeconds", number(s.reducedCrossfadeMillis() / 1000.0),
                "description", s.description())).toList());
        return Templates.render("Sources/Core/DesignSystem/DS.swift", view);
    }

    /** The asset catalog's files under {@code prefix} (e.g. {@code Sources/X/Resources/Assets.xcassets/}), path → JSON. */
    public Map<String, String> assetCatalog(String prefix) {
        var files = new TreeMap<String, String>();
        files.put(prefix + "Contents.json", INFO_ONLY);
        for (ColorToken c : tokens.colors()) files.put(prefix + c.name() + ".colorset/Contents.json", colorSet(c.light(), c.dark()));
        return files;
    }

    /** One colour set: the light value for any appearance, the dark value for dark. */
    public static String colorSet(String light, String dark) {
        return "{\n  \"colors\" : [\n" + entry(light, false) + ",\n" + entry(dark, true) + "\n  ],\n  \"info\" : {\n    \"author\" : \"luna\",\n    \"version\" : 1\n  }\n}\n";
    }

    /** The contrast report of every text/background pair, in Markdown. */
    public String contrastMarkdown() {
        return ContrastReport.of(tokens).toMarkdown();
    }

    static final String INFO_ONLY = "{\n  \"info\" : {\n    \"author\" : \"luna\",\n    \"version\" : 1\n  }\n}\n";

    private static String entry(String hex, boolean dark) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        String appearance = dark ? "      \"appearances\" : [\n        {\n          \"appearance\" : \"luminosity\",\n          \"value\" : \"dark\"\n        }\n      ],\n" : "";
        return "    {\n" + appearance + "      \"color\" : {\n        \"color-space\" : \"srgb\",\n        \"components\" : {\n"
                + "          \"alpha\" : \"1.000\",\n"
                + "          \"blue\" : \"" + hexByte(rgb) + "\",\n"
                + "          \"green\" : \"" + hexByte(rgb >> 8) + "\",\n"
                + "          \"red\" : \"" + hexByte(rgb >> 16) + "\"\n"
                + "        }\n      },\n      \"idiom\" : \"universal\"\n    }";
    }

    private static String hexByte(int value) {
        return String.format(Locale.ROOT, "0x%02X", value & 0xFF);
    }

    /** 44 for 44.0, 0.12 for 0.12: Swift literals without a locale. */
    static String number(double value) {
        if (value == Math.rint(value)) return Long.toString((long) value);
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The names of the colour sets, for checks. */
    public List<String> colorNames() {
        return tokens.colors().stream().map(ColorToken::name).toList();
    }
}
