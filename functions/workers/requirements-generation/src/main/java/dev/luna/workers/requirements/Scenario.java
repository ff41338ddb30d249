package dev.luna.workers.requirements;

import java.util.List;

/** An acceptance criterion: a Gherkin scenario derived from evidence. */
record Scenario(String id, String name, List<Step> steps, List<Link> links) {
    Scenario {
        steps = List.copyOf(steps);
        links = List.copyOf(links);
    }

    Scenario withId(String newId) {
        return new Scenario(newId, name, steps, links);
    }
}
