package dev.luna.workers.aiintegration.find;

import java.util.List;

/**
 * A ranked opportunity.
 *
 * @param id        {@code AI-01}… in rank order
 * @param kind      the feature's kind id
 * @param subject   what it is about
 * @param value     1..5
 * @param effort    1..5 (the kind's base, +1 when more than two files are involved)
 * @param score     value × evidence weight × 100 / effort, rounded
 * @param evidence  file:line spots, sorted
 * @param files     the files involved, sorted
 * @param rationale why it fits (the kind's reason; a model may rewrite it)
 */
public record Opportunity(String id, String kind, String title, String subject, int value, int effort, int score, List<Spot> evidence,
                          List<String> files, String rationale) {
    public Opportunity {
        evidence = List.copyOf(evidence);
        files = List.copyOf(files);
    }

    public Opportunity withRationale(String text) {
        return new Opportunity(id, kind, title, subject, value, effort, score, evidence, files, text);
    }
}
