package dev.luna.workers.requirements;

/** One Gherkin step: {@code Given}, {@code When}, {@code Then}, {@code And} or {@code But}, and its text (one line). */
record Step(String keyword, String text) {
}
