package dev.luna.workers.requirements;

import java.util.List;

/** A non-functional requirement inferred from code: {@code category} ({@code timeout}, {@code limit}, {@code auth}…). */
record Nfr(String id, String category, String statement, List<Link> links) {
    Nfr {
        links = List.copyOf(links);
    }
}
