package dev.luna.workers.aiintegration;

import dev.luna.codebase.Codebase;
import dev.luna.codebase.ProjectModel;
import dev.luna.workers.aiintegration.cost.CostEstimate;
import dev.luna.workers.aiintegration.find.Kind;
import dev.luna.workers.aiintegration.find.Kinds;
import dev.luna.workers.aiintegration.find.Opportunity;
import dev.luna.workers.aiintegration.find.OpportunityFinder;
import dev.luna.workers.aiintegration.gen.IntegrationFiles;
import dev.luna.workers.aiintegration.gen.Layout;
import dev.luna.workers.aiintegration.gen.NewFilesPatch;
import dev.luna.workers.aiintegration.gen.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * The deterministic core: analyse the project ({@link Codebase}), find and rank the opportunities, choose the
 * language and layout, render the integration for the best-ranked features and write it as a patch, price it.
 * Reads source text only; nothing of the project runs.
 */
public final class IntegrationAnalysis {
    private final Codebase codebase;
    private final OpportunityFinder finder = new OpportunityFinder();

    public IntegrationAnalysis(Codebase codebase) {
        this.codebase = codebase;
    }

    public ProjectModel model(Path root, List<String> files, BooleanSupplier stop) {
        return codebase.analyse(root, files, stop);
    }

    public IntegrationReport run(ProjectModel model, Path root, IntegrationOptions options, BooleanSupplier stop) {
        var found = finder.find(model, root, stop);
        var ranked = found.ranked();
        var kept = ranked.subList(0, Math.min(options.maxOpportunities(), ranked.size()));
        var target = Target.choose(options.language(), model);
        var layout = Layout.of(target.language(), model, root);
        var kinds = new LinkedHashSet<String>();
        for (var o : kept) if (kinds.size() < options.patchKinds()) kinds.add(o.kind());
        var patchKinds = List.copyOf(kinds);
        var files = patchKinds.isEmpty() || !options.emitPatch() ? new TreeMap<String, String>()
                : IntegrationFiles.render(target.language(), layout, patchKinds);
        String patch = files.isEmpty() ? "" : NewFilesPatch.of(files);
        var kindsFound = new ArrayList<Kind>();
        var seen = new LinkedHashSet<String>();
        for (var o : kept) if (seen.add(o.kind())) kindsFound.add(Kinds.get().kind(o.kind()));
        var cost = CostEstimate.of(kindsFound, options.volumes(), options.defaultVolume());
        boolean complete = model.complete() && !stop.getAsBoolean();
        return new IntegrationReport(complete, summary(model, found, kept, target), target, layout, kept, ranked.size() - kept.size(),
                patchKinds, files, patch, cost, null);
    }

    private static LinkedHashMap<String, Object> summary(ProjectModel model, OpportunityFinder.Found found, List<Opportunity> kept, Target target) {
        var s = new LinkedHashMap<String, Object>();
        s.put("files", model.files().size());
        var languages = new LinkedHashMap<String, Long>();
        model.languages().stream().filter(l -> l.lines() > 0).sorted((a, b) -> Long.compare(b.lines(), a.lines()) != 0
                ? Long.compare(b.lines(), a.lines()) : a.language().compareTo(b.language())).limit(6).forEach(l -> languages.put(l.language(), l.lines()));
        s.put("languages", languages);
        s.put("frameworks", model.frameworks().stream().filter(f -> f.category().equals("framework")).map(f -> f.name()).sorted().toList());
        s.put("endpoints", model.endpoints().size());
        s.put("shapes", model.shapes().size());
        s.put("candidates", found.candidates());
        s.put("opportunities", kept.size());
        s.put("byKind", new TreeMap<>(found.byKind()));
        s.put("language", target.language());
        return s;
    }
}
