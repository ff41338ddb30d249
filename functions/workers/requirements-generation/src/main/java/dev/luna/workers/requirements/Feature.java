package dev.luna.workers.requirements;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** A feature: the stories about one resource or module ({@code features/<slug>.feature}). */
record Feature(String id, String slug, String title, String description, List<Story> stories) {
    Feature {
        stories = List.copyOf(stories);
    }

    /** The feature's evidence: every story's links, sorted, without duplicates. */
    List<Link> links() {
        var all = new TreeSet<Link>(Link.ORDER);
        for (var s : stories) all.addAll(s.links());
        return new ArrayList<>(all);
    }

    Feature worded(String newTitle, String newDescription, List<Story> newStories) {
        return new Feature(id, slug, newTitle, newDescription, newStories);
    }
}
