package dev.luna.workers.requirements;

import java.util.List;

/**
 * A user story: {@code As a <role> I want <want> so that <soThat>}, with its acceptance criteria.
 *
 * @param source what it was derived from: {@code endpoint}, {@code ui-route}, {@code cli-command}, {@code scheduled-job},
 *               {@code message-consumer}, {@code entity}, {@code config-flag}, {@code test}, {@code readme-claim}
 * @param title  a short name ({@code List owners})
 */
record Story(String id, String source, String title, String role, String want, String soThat, List<Scenario> scenarios, List<Link> links) {
    Story {
        scenarios = List.copyOf(scenarios);
        links = List.copyOf(links);
    }

    String sentence() {
        return "As " + article(role) + " " + role + " I want " + want + " so that " + soThat + ".";
    }

    Story with(String newId, List<Scenario> newScenarios) {
        return new Story(newId, source, title, role, want, soThat, newScenarios, links);
    }

    Story worded(String newWant, String newSoThat) {
        return new Story(id, source, title, role, newWant, newSoThat, scenarios, links);
    }

    static String article(String word) {
        return !word.isEmpty() && "aeioAEIO".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }
}
