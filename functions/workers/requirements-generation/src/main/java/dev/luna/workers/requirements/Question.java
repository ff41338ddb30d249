package dev.luna.workers.requirements;

import java.util.List;

/** An open question where the code is ambiguous, with the evidence that raised it. {@code kind}: {@code auth-gap}, {@code todo}, {@code unvalidated-input}. */
record Question(String id, String kind, String question, List<Link> links) {
    Question {
        links = List.copyOf(links);
    }
}
