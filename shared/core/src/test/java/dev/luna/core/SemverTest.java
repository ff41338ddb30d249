package dev.luna.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SemverTest {
    @ParameterizedTest
    @ValueSource(strings = {"1.0.0", "0.0.1", "10.20.30", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-0.3.7", "1.0.0+build.5", "1.0.0-rc.1+sha.5114f85"})
    void acceptsValidVersions(String v) {
        assertThat(Semver.isValid(v)).isTrue();
        assertThat(Semver.parse(v).toString()).isEqualTo(v);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.0", "01.0.0", "1.01.0", "1.0.0-", "1.0.0+", "v1.0.0", "1.0.0-01", " 1.0.0", "1.0.0.0", ""})
    void rejectsInvalidVersions(String v) {
        assertThat(Semver.isValid(v)).isFalse();
    }

    @Test
    void ordersByPrecedence() {
        var ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0");
        var shuffled = new ArrayList<>(ordered);
        java.util.Collections.reverse(shuffled);
        assertThat(shuffled.stream().map(Semver::parse).sorted().map(Semver::toString).toList()).isEqualTo(ordered);
    }
}
