package dev.luna.workers.requirements;

import java.util.List;
import java.util.Map;

/**
 * Everything a run derived: features → stories → acceptance criteria, NFRs and open questions, each with evidence
 * links that resolve in the analysed revision; {@code evidence} counts what was found by kind, {@code omitted} what the
 * caps left out.
 */
record RequirementsDocument(String audience, boolean complete, int files, Map<String, Integer> evidence, List<Feature> features,
                            List<Nfr> nfrs, List<Question> questions, Map<String, Integer> omitted) {
    RequirementsDocument {
        evidence = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(evidence));
        features = List.copyOf(features);
        nfrs = List.copyOf(nfrs);
        questions = List.copyOf(questions);
        omitted = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(omitted));
    }

    int stories() {
        return features.stream().mapToInt(f -> f.stories().size()).sum();
    }

    int scenarios() {
        return features.stream().flatMap(f -> f.stories().stream()).mapToInt(s -> s.scenarios().size()).sum();
    }

    RequirementsDocument withFeatures(List<Feature> newFeatures) {
        return new RequirementsDocument(audience, complete, files, evidence, newFeatures, nfrs, questions, omitted);
    }
}
