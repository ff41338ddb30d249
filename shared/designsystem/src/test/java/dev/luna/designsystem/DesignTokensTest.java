package dev.luna.designsystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DesignTokensTest {
    private final DesignTokens tokens = DesignTokens.standard();

    @Test
    void semanticColoursHaveLightAndDarkValues() {
        assertThat(tokens.colors()).extracting(ColorToken::name).contains("label", "secondaryLabel", "tertiaryLabel",
                "systemBackground", "secondarySystemBackground", "separator", "tint", "destructive", "success", "warning");
        assertThat(tokens.colors()).allSatisfy(c -> assertThat(c.dark()).matches("#[0-9A-F]{6}"));
        assertThat(tokens.color("label").light()).isEqualTo("#000000");
        assertThat(tokens.color("label").dark()).isEqualTo("#FFFFFF");
    }

    @Test
    void dynamicTypeStylesRunFromLargeTitleToCaption2() {
        assertThat(tokens.textStyles()).extracting(TextStyle::name).containsExactly("largeTitle", "title1", "title2",
                "title3", "headline", "body", "callout", "subheadline", "footnote", "caption1", "caption2");
        assertThat(tokens.textStyles()).extracting(TextStyle::swiftTextStyle).contains("title", "caption");
        TextStyle body = tokens.textStyles().get(5);
        assertThat(body.size()).isEqualTo(17);
        assertThat(body.leading()).isEqualTo(22);
        assertThat(tokens.textStyles().get(4).weight()).isEqualTo(600);
        assertThat(tokens.textStyles()).isSortedAccordingTo((a, b) -> Double.compare(b.size(), a.size()));
    }

    @Test
    void spacingIsOnTheFourAndEightPointGridAndMotionHasReducedAlternatives() {
        assertThat(tokens.spacing()).allSatisfy(d -> assertThat(d.points() % 4).isZero());
        assertThat(tokens.spacing()).extracting(Dimension::points).contains(8.0, 16.0, 24.0, 32.0);
        assertThat(tokens.radii()).isNotEmpty();
        assertThat(tokens.elevations()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(tokens.durations()).allSatisfy(d -> assertThat(d.reducedMillis()).isLessThan(d.millis()));
        assertThat(tokens.springs()).allSatisfy(s -> assertThat(s.reducedCrossfadeMillis()).isPositive());
        assertThat(tokens.minimumHitTarget().points()).isEqualTo(44);
    }

    @Test
    void theFileIsW3cDesignTokensEveryTokenTyped() {
        JsonNode root = Json.mapper().readTree(tokens.json());
        assertEveryLeafTokenTyped(root, "");
    }

    private static void assertEveryLeafTokenTyped(JsonNode group, String path) {
        for (Map.Entry<String, JsonNode> e : group.properties()) {
            if (e.getKey().startsWith("$")) {
                continue;
            }
            JsonNode node = e.getValue();
            if (node.has("$value")) {
                assertThat(node.path("$type").asString("")).as(path + e.getKey()).isNotEmpty();
                assertThat(node.path("$description").asString("")).as(path + e.getKey()).isNotEmpty();
            } else {
                assertEveryLeafTokenTyped(node, path + e.getKey() + ".");
            }
        }
    }

    @Test
    void higRulesAreDataWithIdsAndFixes() {
        HigRules rules = HigRules.standard();
        assertThat(rules.all()).extracting(HigRule::id).contains("hig-font-size", "hig-color-literal", "hig-hit-target",
                "hig-icon-label", "hig-contrast", "hig-dark-mode", "hig-fixed-layout").doesNotHaveDuplicates();
        assertThat(rules.all()).allSatisfy(r -> {
            assertThat(r.fix()).isNotBlank();
            assertThat(r.severity()).isIn("error", "warning");
            assertThat(r.references()).isNotEmpty().allSatisfy(u -> assertThat(u).startsWith("https://"));
        });
        assertThat(rules.get("hig-hit-target").title()).contains("44");
    }
}
