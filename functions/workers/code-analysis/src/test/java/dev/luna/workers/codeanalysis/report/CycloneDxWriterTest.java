package dev.luna.workers.codeanalysis.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import dev.luna.workers.codeanalysis.dependencies.Component;
import dev.luna.workers.codeanalysis.dependencies.DependencyAnalyzer;
import dev.luna.workers.codeanalysis.dependencies.SampleManifests;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class CycloneDxWriterTest {
    private final CycloneDxWriter writer = new CycloneDxWriter("0.1.0");

    private static List<Component> components() {
        return new DependencyAnalyzer(new dev.luna.codebase.secrets.SecretScanner()).analyze(SampleManifests.project(), () -> false).components();
    }

    private String bom() {
        return new String(writer.write("shop", "1.0.0", components()), StandardCharsets.UTF_8);
    }

    @Test
    void validatesAgainstTheOfficialCycloneDx16Schema() {
        assertThat(OfficialSchemas.errors(OfficialSchemas.cycloneDx(), bom())).isEmpty();
    }

    @Test
    void describesComponentsScopesAndTheDependencyGraph() {
        JsonNode bom = Json.tree(bom());

        assertThat(bom.get("bomFormat").asString()).isEqualTo("CycloneDX");
        assertThat(bom.get("specVersion").asString()).isEqualTo("1.6");
        assertThat(bom.get("serialNumber").asString()).matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(bom.has("metadata") && !bom.get("metadata").has("timestamp")).isTrue();
        assertThat(bom.at("/metadata/component/name").asString()).isEqualTo("shop");
        JsonNode types = bom.get("components").get(5);
        assertThat(types.get("purl").asString()).isEqualTo("pkg:npm/%40types/node");
        assertThat(types.get("group").asString()).isEqualTo("@types");
        assertThat(types.get("name").asString()).isEqualTo("node");
        assertThat(types.get("scope").asString()).isEqualTo("excluded");
        assertThat(types.has("version")).isFalse();
        JsonNode jackson = bom.get("components").get(0);
        assertThat(jackson.get("group").asString()).isEqualTo("com.fasterxml.jackson.core");
        assertThat(jackson.get("version").asString()).isEqualTo("2.15.0");
        assertThat(jackson.get("bom-ref").asString()).isEqualTo(jackson.get("purl").asString());
        assertThat(jackson.get("properties").toString()).contains("{\"name\":\"luna:manifest\",\"value\":\"core/pom.xml\"}")
                .contains("{\"name\":\"luna:pinned\",\"value\":\"true\"}");
        JsonNode root = bom.get("dependencies").get(0);
        assertThat(root.get("ref").asString()).isEqualTo("project");
        assertThat(root.get("dependsOn").toString()).contains("pkg:npm/lodash@4.17.21").doesNotContain("js-tokens");
    }

    @Test
    void theSameInventoryGivesTheSameBytesAndSerialNumber() {
        var shuffled = new ArrayList<>(components());
        Collections.reverse(shuffled);

        assertThat(writer.write("shop", "1.0.0", shuffled)).isEqualTo(writer.write("shop", "1.0.0", components()));
        assertThat(writer.write("shop", "1.0.1", components())).isNotEqualTo(writer.write("shop", "1.0.0", components()));
    }

    @Test
    void aBrokenBomFailsTheSchema() {
        ObjectNode bad = (ObjectNode) Json.tree(bom());
        ((ObjectNode) bad.get("components").get(0)).put("scope", "sometimes");
        assertThat(OfficialSchemas.errors(OfficialSchemas.cycloneDx(), bad.toString())).isNotEmpty();

        ObjectNode badSerial = (ObjectNode) Json.tree(bom());
        badSerial.put("serialNumber", "not-a-urn");
        assertThat(OfficialSchemas.errors(OfficialSchemas.cycloneDx(), badSerial.toString())).isNotEmpty();
    }
}
