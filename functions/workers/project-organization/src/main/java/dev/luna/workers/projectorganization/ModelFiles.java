package dev.luna.workers.projectorganization;

import dev.luna.codebase.Codebase;
import dev.luna.codebase.ProjectModel;
import dev.luna.codebase.manifest.Manifests;
import dev.luna.workers.projectorganization.tree.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The shared code model of the project's own sources (junk folders left out), and what the checks read from it. */
final class ModelFiles {
    private static final Set<String> SOURCE = Set.of("java", "js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts", "vue", "svelte", "py",
            "go", "swift", "kt", "kts");

    private ModelFiles() {
    }

    static ProjectModel model(Codebase codebase, OrganizationInput input, Project project) {
        var files = new ArrayList<String>();
        int max = input.limits().maxModelFiles();
        int over = 0;
        for (var e : project.sources()) {
            if (!wanted(e.path())) continue;
            if (files.size() >= max) over++;
            else files.add(e.path());
        }
        if (over > 0) project.skip(".", over + " source files past the code-model limit of " + max + " were not parsed");
        var model = codebase.analyse(input.root(), files, project::stopped);
        return over > 0 ? new ProjectModel(false, model.files(), model.languages(), model.frameworks(), model.manifests(), model.modules(),
                model.java(), model.imports(), model.entryPoints(), model.endpoints(), model.shapes(), model.issues()) : model;
    }

    static boolean wanted(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return SOURCE.contains(ext) || Manifests.isManifest(path) || path.contains("META-INF/services/") || name.equals("spring.factories")
                || path.contains("META-INF/spring/") && name.endsWith(".imports") || name.equals("web.xml");
    }

    /** The name the root manifest declares (package.json, then pom.xml, then pyproject.toml…), else "Project". */
    static String projectName(ProjectModel model) {
        if (model == null) return "Project";
        for (var kind : List.of("package.json", "pom.xml", "pyproject.toml", "build.gradle.kts", "build.gradle", "go.mod")) {
            for (var m : model.manifests()) {
                if (m.path().equals(kind) && m.name() != null && !m.name().isBlank() && m.name().matches("[\\w@./ -]{1,100}")) return m.name();
            }
        }
        return "Project";
    }

    /** The package each Java file declares, by path. */
    static Map<String, String> javaPackages(ProjectModel model) {
        var out = new TreeMap<String, String>();
        if (model == null) return out;
        for (var t : model.java().types()) if (!t.name().contains(".")) out.putIfAbsent(t.file(), t.packageName());
        return out;
    }
}
