package dev.luna.designsystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.luna.core.Json;
import dev.luna.designsystem.ColorToken.Appearance;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ContrastReportTest {

    @Test
    void everyTextBackgroundPairOfTheShippedPalettePassesInLightAndDark() {
        ContrastReport report = ContrastReport.of(DesignTokens.standard());

        assertThat(report.failures()).isEmpty();
        assertThat(report.passes()).isTrue();
        // 7 free text colours x 3 backgrounds + 2 "on" colours, in each appearance
        assertThat(report.pairs()).hasSize(2 * (7 * 3 + 2));
        assertThat(report.pairs()).extracting(ContrastReport.Pair::appearance).contains(Appearance.LIGHT, Appearance.DARK);
    }

    @Test
    void knownWcagRatios() {
        assertThat(Wcag.contrastRatio("#000000", "#FFFFFF")).isCloseTo(21.0, within(1e-9));
        assertThat(Wcag.contrastRatio("#FFFFFF", "#FFFFFF")).isCloseTo(1.0, within(1e-9));
        // the classic borderline grey: 4.48:1 on white fails normal text but passes large text
        assertThat(Wcag.contrastRatio("#777777", "#FFFFFF")).isCloseTo(4.48, within(0.01));
        assertThat(Wcag.relativeLuminance("#FFFFFF")).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aBadPairFailsAndIsNamedInJsonAndMarkdown() {
        String bad = DesignTokens.standard().json().replace("\"#545458\"", "\"#777777\"");
        ContrastReport report = ContrastReport.of(DesignTokens.parse(bad));

        assertThat(report.passes()).isFalse();
        assertThat(report.failures()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.text()).isEqualTo("tertiaryLabel");
            assertThat(p.appearance()).isEqualTo(Appearance.LIGHT);
            assertThat(p.ratio()).isLessThan(4.5);
        });
        assertThat(report.failures()).filteredOn(p -> p.background().equals("systemBackground"))
                .singleElement().satisfies(p -> assertThat(p.largeText()).isTrue());

        JsonNode json = Json.mapper().readTree(report.toJson());
        assertThat(json.path("passes").asBoolean()).isFalse();
        assertThat(json.path("failures").asInt()).isEqualTo(report.failures().size());
        assertThat(report.toMarkdown()).contains("| light | tertiaryLabel `#777777` | systemBackground `#FFFFFF` | 4.47 | FAIL | pass |");
    }

    @Test
    void aColourThatIsNotOpaqueRgbIsRejected() {
        String bad = DesignTokens.standard().json().replace("\"#545458\"", "\"#54545899\"");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DesignTokens.parse(bad))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("#54545899");
    }
}
