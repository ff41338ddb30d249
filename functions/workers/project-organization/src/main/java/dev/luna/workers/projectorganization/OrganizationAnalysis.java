package dev.luna.workers.projectorganization;

import dev.luna.codebase.Codebase;
import dev.luna.codebase.ProjectModel;
import dev.luna.codebase.secrets.SecretScanner;
import dev.luna.workers.projectorganization.deps.DependencyAudit;
import dev.luna.workers.projectorganization.git.GitChecks;
import dev.luna.workers.projectorganization.patch.PatchPlanner;
import dev.luna.workers.projectorganization.rules.JunkRules;
import dev.luna.workers.projectorganization.rules.Kinds;
import dev.luna.workers.projectorganization.rules.Stacks;
import dev.luna.workers.projectorganization.standards.LayoutCheck;
import dev.luna.workers.projectorganization.standards.StandardsCheck;
import dev.luna.workers.projectorganization.tree.DirectorySnapshot;
import dev.luna.workers.projectorganization.tree.GitSnapshot;
import dev.luna.workers.projectorganization.tree.Project;
import dev.luna.workers.projectorganization.tree.Snapshot;
import dev.luna.workers.projectorganization.unused.ScriptGraph;
import dev.luna.workers.projectorganization.unused.UnusedFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code project-organization} analysis: unused files, dependency audit, git hygiene and standardisation of one
 * checked-out project, with the clean-up plan that {@link CleanupPatch} writes. Derived from source text, manifests
 * and git objects only; nothing of the project runs. Stateless between calls; one call per thread.
 */
public final class OrganizationAnalysis {
    private final Kinds kinds;
    private final Stacks stacks;
    private final JunkRules junk;
    private final SecretScanner secrets;
    private final Codebase codebase;

    public OrganizationAnalysis(Kinds kinds, Stacks stacks, JunkRules junk, SecretScanner secrets, Codebase codebase) {
        this.kinds = kinds;
        this.stacks = stacks;
        this.junk = junk;
        this.secrets = secrets;
        this.codebase = codebase;
    }

    /** With the built-in rules, secret scanner and code model. */
    public OrganizationAnalysis() {
        this(new Kinds(), new Stacks(), new JunkRules(), new SecretScanner(), new Codebase());
    }

    public OrganizationReport analyse(OrganizationInput input) {
        var early = new ArrayList<Skipped>();
        try (Snapshot snapshot = open(input, early)) {
            return analyse(input, snapshot, early);
        } catch (IOException e) {
            early.add(new Skipped(".", "the project could not be listed: " + e.getClass().getSimpleName()));
            var summary = new OrganizationReport.Summary(null, 0, List.of(), List.copyOf(input.options().checks()), Map.of(), Map.of(), 0);
            return new OrganizationReport(summary, List.of(), OrganizationReport.Structure.TIDY, PatchPlan.EMPTY, early, Map.of(), false);
        }
    }

    private Snapshot open(OrganizationInput input, List<Skipped> skipped) throws IOException {
        if (input.gitDir() != null) {
            try {
                return new GitSnapshot(input.gitDir(), input.limits().maxFiles());
            } catch (IOException | RuntimeException e) {
                skipped.add(new Skipped(".git", "not a readable repository (" + e.getClass().getSimpleName() + "): analysed as a directory"));
            }
        }
        return new DirectorySnapshot(input.root(), input.limits().maxFiles());
    }

    private OrganizationReport analyse(OrganizationInput input, Snapshot snapshot, List<Skipped> early) {
        var options = input.options();
        var project = new Project(snapshot, input.limits(), input.stop(), junk);
        early.forEach(s -> project.skip(s.path(), s.reason()));
        var detected = stacks.detect(project.sources().stream().map(e -> e.name()).distinct().toList());
        var planner = new PatchPlanner(input.limits().maxPatchFiles());
        var findings = new ArrayList<Finding>();
        var stats = new TreeMap<String, Object>();
        boolean needModel = options.runs(Check.UNUSED_FILES) || options.runs(Check.DEPENDENCIES) || options.runs(Check.STANDARDS);
        ProjectModel model = needModel ? ModelFiles.model(codebase, input, project) : null;
        boolean gitDir = snapshot instanceof GitSnapshot;
        if (options.runs(Check.GIT)) {
            var git = new GitChecks(kinds, stacks, junk, secrets).run(project, gitDir ? input.gitDir() : null, detected, planner);
            findings.addAll(git.findings());
            stats.putAll(git.stats());
        }
        var structure = OrganizationReport.Structure.TIDY;
        if (options.runs(Check.STANDARDS)) {
            findings.addAll(new StandardsCheck(kinds, stacks).run(project, detected, ModelFiles.projectName(model), planner));
            var layout = new LayoutCheck(kinds).run(project, ModelFiles.javaPackages(model),
                    detected.contains("maven") || detected.contains("gradle"));
            findings.addAll(layout.findings());
            structure = layout.structure();
        }
        var graph = options.runs(Check.UNUSED_FILES) || options.runs(Check.DEPENDENCIES) ? ScriptGraph.build(project) : null;
        if (options.runs(Check.UNUSED_FILES)) {
            var unused = new UnusedFiles(kinds).run(project, model, graph, planner);
            findings.addAll(unused.findings());
            stats.putAll(unused.stats());
        }
        if (options.runs(Check.DEPENDENCIES)) findings.addAll(new DependencyAudit(kinds).run(project, model, graph));
        var resolved = options.emitPatch() ? planner.resolved() : java.util.Set.<String>of();
        var marked = new ArrayList<Finding>();
        for (var f : findings) marked.add(f.withInPatch(resolved.contains(f.id())));
        marked.sort(Finding.ORDER);
        var plan = options.emitPatch() ? planner.plan() : PatchPlan.EMPTY;
        if (model != null) {
            model.issues().forEach(i -> project.skip(i.path(), "code model: " + i.kind() + (i.detail().isEmpty() ? "" : " (" + i.detail() + ")")));
            stats.put("modelComplete", model.complete());
        }
        stats.put("filesListed", snapshot.entries().size());
        boolean complete = snapshot.complete() && !project.stopped() && (model == null || model.complete())
                && project.skipped().stream().noneMatch(s -> s.path().equals(".") || s.path().equals(".git"));
        return new OrganizationReport(summary(snapshot, detected, options, marked), marked, structure, plan, project.skipped(), stats, complete);
    }

    private static OrganizationReport.Summary summary(Snapshot snapshot, List<String> detected, OrganizationOptions options, List<Finding> findings) {
        var byCheck = new HashMap<String, Integer>();
        options.checks().forEach(c -> byCheck.put(c.wire(), 0));
        var bySeverity = new HashMap<String, Integer>();
        for (var s : Severity.values()) bySeverity.put(s.wire(), 0);
        int inPatch = 0;
        for (var f : findings) {
            byCheck.merge(f.check().wire(), 1, Integer::sum);
            bySeverity.merge(f.severity().wire(), 1, Integer::sum);
            if (f.inPatch()) inPatch++;
        }
        return new OrganizationReport.Summary(snapshot.revision(), snapshot.entries().size(), detected, List.copyOf(options.checks()),
                byCheck, bySeverity, inPatch);
    }
}
