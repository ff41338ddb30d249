package dev.luna.workers.design;

import java.util.List;

/**
 * One architecture decision, recovered from the code ({@code status} accepted) or proposed for the brief.
 *
 * @param category  {@code framework}, {@code datastore}, {@code messaging}, {@code auth}, {@code build} or {@code brief}
 * @param options   the considered options, the chosen one first
 * @param evidence  {@code file:line — what} lines
 */
record Decision(String category, String title, String status, String context, List<String> drivers, List<String> options, String chosen,
                String because, List<String> good, List<String> bad, List<String> evidence) {
    Decision {
        drivers = List.copyOf(drivers);
        options = List.copyOf(options);
        good = List.copyOf(good);
        bad = List.copyOf(bad);
        evidence = List.copyOf(evidence);
    }

    Decision withText(String newContext, List<String> newGood, List<String> newBad) {
        return new Decision(category, title, status, newContext, drivers, options, chosen, because, newGood, newBad, evidence);
    }
}
