package dev.luna.workers.requirements;

/** A story before ids are given: the feature it belongs to (by slug, with the feature's title) and its sort key. */
record Draft(String featureSlug, String featureTitle, Story story, String sortKey) {
}
