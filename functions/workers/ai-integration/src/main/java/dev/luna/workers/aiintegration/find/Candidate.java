package dev.luna.workers.aiintegration.find;

import java.util.List;

/**
 * A place where a feature fits, before ranking.
 *
 * @param kind    the feature's kind id
 * @param subject what it is about: {@code GET /owners/find}, {@code shape OwnerForm.notes}, a file path
 * @param weight  how strong the evidence is: 1.0 strong, 0.6 weak
 * @param spots   the evidence, sorted
 */
public record Candidate(String kind, String subject, double weight, List<Spot> spots) {
    public Candidate {
        spots = spots.stream().sorted(Spot.ORDER).distinct().toList();
    }
}
