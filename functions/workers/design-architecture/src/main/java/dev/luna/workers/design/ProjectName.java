package dev.luna.workers.design;

import dev.luna.codebase.ProjectModel;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The system's name: the root manifest's declared name, else the git URL's last segment, else "Project". Never a local path. */
final class ProjectName {
    private ProjectName() {
    }

    static String of(ProjectModel model, JsonNode source) {
        for (var kind : List.of("package.json", "pom.xml", "pyproject.toml", "build.gradle.kts", "build.gradle", "settings.gradle", "go.mod")) {
            for (var m : model.manifests()) {
                if (m.path().equals(kind) && m.name() != null && !m.name().isBlank()) return Names.label(m.name());
            }
        }
        String url = source == null ? "" : source.path("url").asString("");
        String name = url.replaceAll("\\.git$", "").replaceAll(".*[/:]", "");
        return name.isBlank() ? "Project" : Names.label(name);
    }
}
