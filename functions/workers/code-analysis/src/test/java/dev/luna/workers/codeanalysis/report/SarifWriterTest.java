package dev.luna.workers.codeanalysis.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import dev.luna.workers.codeanalysis.dependencies.DependencyAnalyzer;
import dev.luna.workers.codeanalysis.dependencies.SampleManifests;
import dev.luna.workers.codeanalysis.findings.AnalyzerResult;
import dev.luna.workers.codeanalysis.findings.Finding;
import dev.luna.workers.codeanalysis.findings.Region;
import dev.luna.workers.codeanalysis.findings.RuleInfo;
import dev.luna.workers.codeanalysis.findings.Severity;
import dev.luna.workers.codeanalysis.findings.TraceStep;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SarifWriterTest {
    private final SarifWriter writer = new SarifWriter("0.1.0", "https://docs.example.org/luna/analyzers");

    static List<SarifWriter.Run> runs(boolean shuffled) {
        var sqli = new RuleInfo("java-sqli", "SqlInjection", "security", "SQL built from request data.", "Use a PreparedStatement.",
                Severity.HIGH, 8.8, "high", List.of(89), List.of("https://cwe.mitre.org/data/definitions/89.html"), "0.1.0");
        var trace = List.of(
                new TraceStep("source", "src/main/java/a/Web.java", new Region(10, 20, 10, 45), "String id = req.getParameter(\"id\");",
                        "request parameter 'id' read"),
                new TraceStep("sink", "src/main/java/a/Dao.java", new Region(31, 9, 31, 40), "st.executeQuery(sql);", "executed as SQL"));
        var security = new ArrayList<>(List.of(
                new Finding("java-sqli", "security", Severity.HIGH, "Request parameter 'id' reaches a SQL query", "src/main/java/a/Dao.java",
                        new Region(31, 9, 31, 40), "st.executeQuery(sql);", trace, List.of(89), "f".repeat(64), null),
                new Finding("java-sqli", "security", Severity.HIGH, "Request parameter 'q' reaches a SQL query", "src/main/java/a/B c.java",
                        new Region(5, 1, 5, 1), "q(sql);", List.of(), List.of(89), "e".repeat(64), null)));
        var secrets = List.of(new Finding("secret-github-token", "secrets", Severity.HIGH, "GitHub token hard-coded: ghp_****", "ci.sh",
                new Region(2, 3, 2, 43), "T=ghp_****", List.of(), List.of(798), "a".repeat(64), "0123456789abcdef0123456789abcdef01234567"));
        var secretRule = new RuleInfo("secret-github-token", "GitHubToken", "secrets", "GitHub token", "Rotate it.", Severity.HIGH, 8.0,
                "very-high", List.of(798), List.of("https://docs.github.com/"), "0.1.0");
        if (shuffled) Collections.reverse(security);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("zeta", 1);
        stats.put("alpha", List.of(Map.of("b", 2, "a", 1)));
        var deps = new DependencyAnalyzer(new dev.luna.codebase.secrets.SecretScanner()).analyze(SampleManifests.project(), () -> false);
        var analyzer = new DependencyAnalyzer(new dev.luna.codebase.secrets.SecretScanner());
        return List.of(
                new SarifWriter.Run("security", List.of(sqli), new AnalyzerResult(security,
                        List.of(new AnalyzerResult.Skipped("src/Broken.java", "could not parse")), stats, true), List.of()),
                new SarifWriter.Run("secrets", List.of(secretRule), new AnalyzerResult(secrets, List.of(), Map.of(), true), List.of()),
                new SarifWriter.Run("dependencies", analyzer.rules(), deps.result(), deps.notApplied()));
    }

    @Test
    void validatesAgainstTheOfficialSarifSchema() {
        String json = new String(writer.write(runs(false)), StandardCharsets.UTF_8);

        assertThat(OfficialSchemas.errors(OfficialSchemas.sarif(), json)).isEmpty();
    }

    @Test
    void carriesCweTagsTaxaFlowsFingerprintsAndRelativeUris() {
        JsonNode log = Json.tree(new String(writer.write(runs(false)), StandardCharsets.UTF_8));
        JsonNode run = log.get("runs").get(0);

        assertThat(log.get("version").asString()).isEqualTo("2.1.0");
        assertThat(run.at("/tool/driver/name").asString()).isEqualTo("Luna security");
        JsonNode rule = run.at("/tool/driver/rules/0");
        assertThat(rule.at("/properties/tags").toString()).isEqualTo("[\"security\",\"CWE-89\",\"external/cwe/cwe-089\"]");
        assertThat(rule.at("/properties/security-severity").asString()).isEqualTo("8.8");
        assertThat(rule.at("/relationships/0/target/id").asString()).isEqualTo("89");
        assertThat(rule.at("/defaultConfiguration/level").asString()).isEqualTo("error");
        assertThat(run.at("/taxonomies/0/name").asString()).isEqualTo("CWE");
        assertThat(run.at("/taxonomies/0/taxa/0/id").asString()).isEqualTo("89");
        JsonNode first = run.at("/results/0");
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uri").asString()).isEqualTo("src/main/java/a/B%20c.java");
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asString()).isEqualTo("SRCROOT");
        assertThat(first.at("/locations/0/physicalLocation/region").toString()).isEqualTo("{\"startLine\":5,\"snippet\":{\"text\":\"q(sql);\"}}");
        JsonNode second = run.at("/results/1");
        assertThat(second.at("/codeFlows/0/threadFlows/0/locations")).hasSize(2);
        assertThat(second.at("/codeFlows/0/threadFlows/0/locations/0/location/message/text").asString()).isEqualTo("request parameter 'id' read");
        assertThat(second.at("/partialFingerprints/lunaFingerprint~1v1").asString()).isEqualTo("f".repeat(64));
        assertThat(second.at("/taxa/0/toolComponent/name").asString()).isEqualTo("CWE");
        assertThat(run.at("/invocations/0/executionSuccessful").asBoolean()).isTrue();
        assertThat(run.at("/invocations/0/toolExecutionNotifications/0/message/text").asString()).isEqualTo("Not analysed: could not parse");
        assertThat(run.at("/originalUriBaseIds/SRCROOT/uri").isMissingNode()).isTrue();
        assertThat(log.at("/runs/1/results/0/properties/commit").asString()).startsWith("0123");
        assertThat(log.at("/runs/2/properties/notApplied/0").asString()).isEqualTo("known-vulnerability lookup: no advisory source configured");
    }

    @Test
    void theSameFindingsGiveTheSameBytesWhateverTheOrderLocaleAndZone() {
        byte[] one = writer.write(runs(false));
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        byte[] two;
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            two = writer.write(runs(true));
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
        assertThat(two).isEqualTo(one);
        assertThat(new String(one, StandardCharsets.UTF_8)).doesNotContain("\r").endsWith("}\n").contains("\"alpha\"");
    }

    @Test
    void aBrokenLogFailsTheSchema() {
        ObjectNode log = (ObjectNode) Json.tree(new String(writer.write(runs(false)), StandardCharsets.UTF_8));
        ((ObjectNode) log.at("/runs/0/results/0")).put("level", "fatal");
        assertThat(OfficialSchemas.errors(OfficialSchemas.sarif(), log.toString())).isNotEmpty();

        ObjectNode noDriver = (ObjectNode) Json.tree(new String(writer.write(runs(false)), StandardCharsets.UTF_8));
        ((ObjectNode) noDriver.at("/runs/0/tool")).remove("driver");
        assertThat(OfficialSchemas.errors(OfficialSchemas.sarif(), noDriver.toString())).isNotEmpty();
    }
}
