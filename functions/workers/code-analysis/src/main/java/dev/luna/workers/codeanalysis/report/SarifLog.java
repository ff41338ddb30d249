package dev.luna.workers.codeanalysis.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The SARIF 2.1.0 objects Luna writes, as records (null members are left out). */
record SarifLog(@JsonProperty("$schema") String schema, String version, List<Run> runs) {

    record Run(Tool tool, List<Invocation> invocations, Map<String, ArtifactLocation> originalUriBaseIds, List<Taxonomy> taxonomies,
               List<Result> results, Map<String, Object> properties) {
    }

    record Tool(Driver driver) {
    }

    record Driver(String name, String semanticVersion, String informationUri, List<Rule> rules) {
    }

    record Rule(String id, String name, Text shortDescription, Text fullDescription, Text help, String helpUri,
                Configuration defaultConfiguration, Map<String, Object> properties, List<Relationship> relationships) {
    }

    record Text(String text) {
    }

    record Configuration(String level) {
    }

    record Relationship(Reference target, List<String> kinds) {
    }

    record Reference(String id, ComponentReference toolComponent) {
    }

    record ComponentReference(String name) {
    }

    record Taxonomy(String name, String version, String organization, Text shortDescription, String informationUri, List<Taxon> taxa) {
    }

    record Taxon(String id, String name, String helpUri) {
    }

    record Invocation(boolean executionSuccessful, List<Notification> toolExecutionNotifications) {
    }

    record Notification(String level, Text message, List<Location> locations) {
    }

    record Result(String ruleId, int ruleIndex, String level, Text message, List<Location> locations, List<CodeFlow> codeFlows,
                  Map<String, String> partialFingerprints, List<Reference> taxa, Map<String, Object> properties) {
    }

    record Location(PhysicalLocation physicalLocation, Text message) {
    }

    record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {
    }

    record ArtifactLocation(String uri, String uriBaseId, Text description) {
    }

    record Region(Integer startLine, Integer startColumn, Integer endLine, Integer endColumn, Text snippet) {
    }

    record CodeFlow(List<ThreadFlow> threadFlows) {
    }

    record ThreadFlow(List<ThreadFlowLocation> locations) {
    }

    record ThreadFlowLocation(Location location, List<String> kinds) {
    }
}
