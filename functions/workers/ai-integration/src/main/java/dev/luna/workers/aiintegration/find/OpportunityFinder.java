package dev.luna.workers.aiintegration.find;

import dev.luna.codebase.ProjectModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * Finds where AI features fit, from the project model and from source lines, and ranks them by value over effort:
 * score = value × evidence weight × 100 / effort. Candidates about the same subject merge; at most
 * {@link Kinds#maxPerKind} of one kind are kept, then the first {@code max}.
 */
public final class OpportunityFinder {
    private final Kinds kinds = Kinds.get();

    /** The ranked opportunities (all of them, before the caller's cap) and how many candidates were seen. */
    public record Found(List<Opportunity> ranked, int candidates, Map<String, Integer> byKind) {
    }

    public Found find(ProjectModel model, Path root, BooleanSupplier stop) {
        var candidates = new ArrayList<Candidate>(ModelSignals.find(model));
        candidates.addAll(LineSignals.find(root, model.files().stream().map(f -> f.path()).toList(), stop));
        var merged = merge(candidates);
        var scored = new ArrayList<Opportunity>();
        for (var c : merged) scored.add(score(c));
        scored.sort(Comparator.comparingInt(Opportunity::score).reversed().thenComparing(Opportunity::kind).thenComparing(Opportunity::subject));
        var perKind = new HashMap<String, Integer>();
        var byKind = new java.util.TreeMap<String, Integer>();
        var kept = new ArrayList<Opportunity>();
        for (var o : scored) {
            byKind.merge(o.kind(), 1, Integer::sum);
            if (perKind.merge(o.kind(), 1, Integer::sum) > kinds.maxPerKind()) continue;
            String id = String.format(java.util.Locale.ROOT, "AI-%02d", kept.size() + 1);
            kept.add(new Opportunity(id, o.kind(), o.title(), o.subject(), o.value(), o.effort(), o.score(), o.evidence(), o.files(), o.rationale()));
        }
        return new Found(List.copyOf(kept), merged.size(), byKind);
    }

    private static List<Candidate> merge(List<Candidate> candidates) {
        var byKey = new LinkedHashMap<String, Candidate>();
        for (var c : candidates) {
            String key = c.kind() + "\u0000" + c.subject();
            var prev = byKey.get(key);
            if (prev == null) byKey.put(key, c);
            else {
                var spots = new ArrayList<>(prev.spots());
                spots.addAll(c.spots());
                byKey.put(key, new Candidate(c.kind(), c.subject(), Math.max(prev.weight(), c.weight()), spots));
            }
        }
        return List.copyOf(byKey.values());
    }

    private Opportunity score(Candidate c) {
        var kind = kinds.kind(c.kind());
        var files = new TreeSet<String>();
        c.spots().forEach(s -> files.add(s.file()));
        int effort = Math.min(5, kind.effort() + (files.size() > 2 ? 1 : 0));
        int score = (int) Math.round(kind.value() * c.weight() * 100 / effort);
        return new Opportunity("", c.kind(), kind.title(), c.subject(), kind.value(), effort, score, c.spots(), List.copyOf(files), kind.why());
    }
}
