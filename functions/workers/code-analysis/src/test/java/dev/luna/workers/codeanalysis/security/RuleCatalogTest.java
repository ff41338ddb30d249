package dev.luna.workers.codeanalysis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.luna.workers.codeanalysis.findings.RuleInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.HashSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The rule catalog as data: complete metadata, unique sorted ids, every rule file listed, fixtures for every rule. */
class RuleCatalogTest {
    private static final TaintModels MODELS = TaintModels.load();
    private static final RuleCatalog CATALOG = RuleCatalog.load(MODELS);

    @Test
    void everyRuleHasItsMetadata() {
        assertThat(CATALOG.rules()).hasSizeGreaterThanOrEqualTo(16);
        for (RuleInfo r : CATALOG.infos()) {
            assertThat(r.id()).startsWith("java-");
            assertThat(r.analyzer()).isEqualTo("security");
            assertThat(r.name()).matches("[A-Z][A-Za-z]+");
            assertThat(r.message()).isNotBlank();
            assertThat(r.help()).hasSizeGreaterThan(60);
            assertThat(r.securitySeverity()).isBetween(0.0, 10.0);
            assertThat(r.precision()).isIn("very-high", "high", "medium", "low");
            assertThat(r.cwe()).isNotEmpty();
            assertThat(r.references()).isNotEmpty().allMatch(u -> u.startsWith("https://"));
            assertThat(r.since()).matches("\\d+\\.\\d+\\.\\d+");
        }
    }

    @Test
    void idsAreUniqueAndSorted() {
        var ids = CATALOG.infos().stream().map(RuleInfo::id).toList();
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        assertThat(ids).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(Fixtures.ANALYZER.rules()).isEqualTo(CATALOG.infos());
        assertThat(Fixtures.ANALYZER.name()).isEqualTo("security");
    }

    @Test
    void everyRuleFileIsListedInTheIndex() throws IOException {
        var dir = Fixtures.resource("/rules/security");
        try (Stream<java.nio.file.Path> s = Files.list(Fixtures.resource("/rules/security/index.yaml").getParent())) {
            var files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") && !n.equals("index.yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
            assertThat(files).isEqualTo(CATALOG.infos().stream().map(RuleInfo::id).toList());
        }
        assertThat(dir).isDirectory();
    }

    @Test
    void everyRuleHasFixturesThatMustAndMustNotBeReported() {
        for (RuleInfo r : CATALOG.infos()) {
            var dir = Fixtures.resource("/rules/security/" + r.id());
            assertThat(Fixtures.annotated(dir, "ruleid", r.id())).as(r.id() + " ruleid fixtures").isNotEmpty();
            assertThat(Fixtures.annotated(dir, "ok", r.id())).as(r.id() + " ok fixtures").isNotEmpty();
        }
    }

    @Test
    void taintRulesNameKindsTheModelsKnowAndPatternRulesNameChecks() {
        for (SecurityRule r : CATALOG.rules()) {
            for (String k : r.sinks()) assertThat(MODELS.kindBit(k)).as(r.info().id() + " sink kind " + k).isNotZero();
            assertThat(r.sinks().isEmpty() && r.checks().isEmpty()).isFalse();
        }
        assertThat(CATALOG.forFlow("remote", "sql")).extracting(r -> r.info().id()).containsExactly("java-sqli");
        assertThat(CATALOG.forFlow("weak-random", "security-value")).extracting(r -> r.info().id()).containsExactly("java-weak-random");
        assertThat(CATALOG.forFlow("weak-random", "sql")).isEmpty();
        assertThat(CATALOG.forCheck("cipher-algorithm").info().id()).isEqualTo("java-weak-cipher");
    }

    @Test
    void aRuleWithoutRequiredMetadataIsRejected() {
        var yaml = new YAMLMapper();
        var broken = yaml.readTree("""
                id: java-broken
                name: Broken
                message: "m"
                severity: high
                security-severity: 7.0
                precision: high
                cwe: [89]
                references: [https://cwe.mitre.org/]
                since: 0.1.0
                sources: [remote]
                sinks: [sql]
                """);
        assertThatThrownBy(() -> RuleCatalog.parse("java-broken", broken, MODELS)).hasMessageContaining("help");
        var plainHttp = yaml.readTree("""
                id: java-broken
                name: Broken
                message: "m"
                help: "h"
                severity: high
                security-severity: 7.0
                precision: high
                cwe: [89]
                references: [http://insecure.example.com]
                since: 0.1.0
                checks: [some-check]
                """);
        assertThatThrownBy(() -> RuleCatalog.parse("java-broken", plainHttp, MODELS)).hasMessageContaining("https");
        var unknownKind = yaml.readTree("""
                id: java-broken
                name: Broken
                message: "m"
                help: "h"
                severity: high
                security-severity: 7.0
                precision: high
                cwe: [89]
                references: [https://cwe.mitre.org/]
                since: 0.1.0
                sources: [remote]
                sinks: [no-such-kind]
                """);
        assertThatThrownBy(() -> RuleCatalog.parse("java-broken", unknownKind, MODELS)).hasMessageContaining("no-such-kind");
    }
}
