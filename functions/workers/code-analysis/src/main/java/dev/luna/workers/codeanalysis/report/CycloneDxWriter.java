package dev.luna.workers.codeanalysis.report;

import dev.luna.workers.codeanalysis.dependencies.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes {@code sbom.cdx.json}: CycloneDX 1.6 JSON of the dependency inventory, deterministic bytes: no timestamp,
 * components sorted by purl (their bom-ref), and a serial number that is the name-based UUID of the document's own
 * content, so the same inventory always gives the same file. Scope: runtime and provided are {@code required},
 * optional is {@code optional}, dev and build are {@code excluded}. Each component says which manifests declare it,
 * whether it is pinned and direct, and the version constraints as declared. The dependency graph is the project
 * (root) → its direct dependencies.
 */
public final class CycloneDxWriter {
    static final String ROOT_REF = "project";
    private final String version;

    /** @param version the Luna version named as the generating tool */
    public CycloneDxWriter(String version) {
        this.version = version;
    }

    public byte[] write(String projectName, String projectVersion, List<Component> components) {
        var sorted = components.stream().sorted(java.util.Comparator.comparing(Component::purl)).toList();
        var list = sorted.stream().map(CycloneDxWriter::component).toList();
        var direct = sorted.stream().filter(Component::direct).map(Component::purl).toList();
        var tool = new CycloneDxBom.Component("application", null, null, "Luna code-analysis", version, null, null, null);
        var root = new CycloneDxBom.Component("application", ROOT_REF, null, projectName == null || projectName.isBlank() ? "project" : projectName,
                projectVersion, null, null, null);
        var metadata = new CycloneDxBom.Metadata(new CycloneDxBom.Tools(List.of(tool)), root);
        var graph = List.of(new CycloneDxBom.Dependency(ROOT_REF, direct));
        byte[] unsigned = ReportJson.write(new CycloneDxBom("CycloneDX", "1.6", null, 1, metadata, list, graph));
        String serial = "urn:uuid:" + UUID.nameUUIDFromBytes(unsigned);
        return ReportJson.write(new CycloneDxBom("CycloneDX", "1.6", serial, 1, metadata, list, graph));
    }

    private static CycloneDxBom.Component component(Component c) {
        String group = null;
        String name = c.name();
        if (c.ecosystem().equals("maven") || c.ecosystem().equals("gradle")) {
            int colon = name.indexOf(':');
            if (colon > 0) {
                group = name.substring(0, colon);
                name = name.substring(colon + 1);
            }
        } else if (c.ecosystem().equals("npm") && name.startsWith("@") && name.indexOf('/') > 0) {
            group = name.substring(0, name.indexOf('/'));
            name = name.substring(name.indexOf('/') + 1);
        }
        var props = new ArrayList<CycloneDxBom.Property>();
        c.manifests().forEach(m -> props.add(new CycloneDxBom.Property("luna:manifest", m)));
        props.add(new CycloneDxBom.Property("luna:pinned", String.valueOf(c.pinned())));
        props.add(new CycloneDxBom.Property("luna:direct", String.valueOf(c.direct())));
        c.declared().forEach(d -> props.add(new CycloneDxBom.Property("luna:declaredVersion", d)));
        props.add(new CycloneDxBom.Property("luna:ecosystem", c.ecosystem()));
        return new CycloneDxBom.Component("library", c.purl(), group, name, c.version(), scope(c.scope()), c.purl(), props);
    }

    static String scope(String scope) {
        return switch (scope) {
            case "dev", "build" -> "excluded";
            case "optional" -> "optional";
            default -> "required";
        };
    }
}
