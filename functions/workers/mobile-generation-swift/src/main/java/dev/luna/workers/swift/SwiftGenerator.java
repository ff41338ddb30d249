package dev.luna.workers.swift;

import dev.luna.codebase.ProjectModel;
import dev.luna.codebase.apispec.ApiSpec;
import dev.luna.codebase.apispec.ApiSpecs;
import dev.luna.designsystem.DesignTokens;
import dev.luna.workers.swift.lint.HigLint;
import dev.luna.workers.swift.plan.AppPlan;
import dev.luna.workers.swift.plan.Planner;
import dev.luna.workers.swift.plan.SwiftNames;
import dev.luna.workers.swift.plan.SwiftOptions;
import dev.luna.workers.swift.render.DesignSystemFiles;
import dev.luna.workers.swift.render.SwiftProject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Source → project files, without the task machinery (tests and the benchmark call it directly): read the API with the
 * shared {@link ApiSpecs} (an OpenAPI document in the source, else endpoints in code), plan, render, check. The same
 * model and options give the same bytes.
 */
public final class SwiftGenerator {
    public static final String PROJECT = "project.zip";
    public static final String DESIGN = "design-system.md";
    private final DesignSystemFiles designSystem = new DesignSystemFiles(DesignTokens.standard());
    private final HigLint lint = new HigLint(designSystem.tokens());
    private final Planner planner = new Planner();

    /** The project's files (path → text, sorted) and what the checks found. */
    public record Output(AppPlan plan, Map<String, String> project, List<String> problems) {
    }

    public DesignSystemFiles designSystem() {
        return designSystem;
    }

    public AppPlan plan(Path root, ProjectModel model, SwiftOptions options) {
        ApiSpec spec = ApiSpecs.find(model, root);
        return planner.plan(spec, options, projectName(model));
    }

    public Output render(AppPlan plan) {
        var files = SwiftProject.files(plan, designSystem);
        return new Output(plan, files, OutputCheck.problems(files, lint));
    }

    /** The first named build module (Maven artifactId, package.json name…), else "App". */
    static String projectName(ProjectModel model) {
        for (var m : model.modules()) {
            if (m.name() != null && m.name().matches(".*[A-Za-z].*")) {
                String n = m.name().contains(":") ? m.name().substring(m.name().lastIndexOf(':') + 1) : m.name();
                String title = SwiftNames.title(n.replaceAll("^@[^/]+/", ""));
                if (!title.isBlank()) return title;
            }
        }
        return "App";
    }
}
