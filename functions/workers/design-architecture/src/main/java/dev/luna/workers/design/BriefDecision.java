package dev.luna.workers.design;

import dev.luna.codebase.architecture.ArchitectureModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The decision the brief asks for, as a proposed ADR filled deterministically from the brief's text and the recovered
 * architecture (a model, when configured, rewrites its context and consequences). The brief is quoted, never
 * interpreted as markup: it is flattened to one line and stripped of template braces.
 */
final class BriefDecision {
    static final int MAX_BRIEF = 600;

    private BriefDecision() {
    }

    static Decision of(String brief, ArchitectureModel model, List<Refactoring> candidates) {
        String text = clean(brief);
        String goal = title(text);
        long lines = model.components().stream().mapToLong(c -> c.lines()).sum();
        String context = "The brief asks: \"" + text + "\". Today the code has " + ArchitectureDoc.count(model.components().size(), "component") + " ("
                + lines + " lines) in " + ArchitectureDoc.count(Math.max(1, model.containers().size()), "build module") + ", "
                + ArchitectureDoc.count(model.edges().size(), "dependency") + " between components, " + ArchitectureDoc.count(model.cycles().size(),
                "dependency cycle") + " and " + ArchitectureDoc.count(model.violations().size(), "dependency") + " against the layering"
                + (model.externals().isEmpty() ? "" : "; it talks to " + String.join(", ", model.externals().stream().map(x -> x.name()).toList()))
                + ". The change has to keep the system working while it happens.";
        var evidence = new ArrayList<String>();
        for (var r : candidates) if (!r.evidence().isEmpty()) evidence.add(r.evidence().getFirst() + " (" + r.kind() + ": " + r.subject() + ")");
        var bad = new ArrayList<>(List.of("for a while the old and the new structure coexist, and both need care",
                "boundaries drawn now may need to move once the first steps show where the coupling really is"));
        if (!model.cycles().isEmpty()) bad.add(ArchitectureDoc.count(model.cycles().size(), "dependency cycle") + " must be broken first: a cycle cannot "
                + "be split along a boundary");
        return new Decision("brief", goal, "proposed", context,
                List.of("the goal stated in the brief", "keeping the system releasable at every step", "the coupling measured in the code (see the metrics)"),
                List.of(goal + " incrementally, one component at a time behind stable interfaces", goal + " in one step",
                        "Keep the current structure and only fix the refactoring candidates"),
                goal + " incrementally, one component at a time behind stable interfaces",
                "each step is small, can be released and reverted on its own, and starts with the components the metrics show as least coupled",
                List.of("progress is visible after each step and the risk of each step is small",
                        "the refactoring candidates (cycles, layer violations, god classes) are resolved on the way, where they block a step"),
                bad, evidence.stream().limit(Decisions.MAX_EVIDENCE).toList());
    }

    static String clean(String brief) {
        String flat = brief.replaceAll("[\\p{Cntrl}&&[^\\t]]", " ").replace('\t', ' ').replace("{{", "{ {").replace("}}", "} }")
                .replace('"', '\'').replace('`', '\'').replaceAll(" {2,}", " ").strip();
        return flat.length() > MAX_BRIEF ? flat.substring(0, MAX_BRIEF - 1) + "…" : flat;
    }

    /** The brief's first sentence as an imperative title, at most 70 characters. */
    static String title(String text) {
        String first = text.split("(?<=[.!?])\\s", 2)[0].replaceAll("[.!?]+$", "").strip();
        if (first.isEmpty()) first = "Change the architecture";
        if (first.length() > 70) first = first.substring(0, 69).replaceAll("\\s+\\S*$", "") + "…";
        return Character.toUpperCase(first.charAt(0)) + first.substring(1);
    }
}
