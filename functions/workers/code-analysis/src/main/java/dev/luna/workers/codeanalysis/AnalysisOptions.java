package dev.luna.workers.codeanalysis;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code payload.options} of a code-analysis task (already checked against {@code code-analysis.schema.json}).
 *
 * @param rules          the analysers to run, in the order they run
 * @param baselineTaskId report only findings this earlier task did not have, or null
 * @param maxFindings    the most findings reported (most severe first)
 * @param include        globs of the files to analyse (empty: all)
 * @param exclude        globs of files to leave out
 * @param history        scan git history for secrets (git sources)
 */
record AnalysisOptions(List<String> rules, String baselineTaskId, int maxFindings, List<String> include, List<String> exclude,
                       boolean history) {
    static final List<String> ALL = List.of("security", "quality", "secrets", "dependencies", "metrics");
    static final int DEFAULT_MAX_FINDINGS = 2000;

    static AnalysisOptions of(JsonNode options) {
        var rules = strings(options.get("rules"));
        var ordered = ALL.stream().filter(r -> rules.isEmpty() || rules.contains(r)).toList();
        return new AnalysisOptions(ordered, options.hasNonNull("baselineTaskId") ? options.get("baselineTaskId").asString() : null,
                options.path("maxFindings").asInt(DEFAULT_MAX_FINDINGS), strings(options.get("include")), strings(options.get("exclude")),
                options.path("history").asBoolean(true));
    }

    boolean runs(String analyzer) {
        return rules.contains(analyzer);
    }

    private static List<String> strings(JsonNode node) {
        var out = new ArrayList<String>();
        if (node != null && node.isArray()) node.forEach(n -> out.add(n.asString()));
        return out;
    }
}
