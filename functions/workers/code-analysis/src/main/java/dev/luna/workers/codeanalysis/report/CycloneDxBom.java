package dev.luna.workers.codeanalysis.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The CycloneDX 1.6 JSON objects Luna writes, as records (null members are left out). */
record CycloneDxBom(String bomFormat, String specVersion, String serialNumber, int version, Metadata metadata, List<Component> components,
                    List<Dependency> dependencies) {

    record Metadata(Tools tools, Component component) {
    }

    record Tools(List<Component> components) {
    }

    record Component(String type, @JsonProperty("bom-ref") String bomRef, String group, String name, String version, String scope,
                     String purl, List<Property> properties) {
    }

    record Property(String name, String value) {
    }

    record Dependency(String ref, List<String> dependsOn) {
    }
}
