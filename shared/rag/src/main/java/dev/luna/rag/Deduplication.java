package dev.luna.rag;

import dev.luna.rag.TokenOptimizer.Item;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** The dedupe and contained steps of {@link TokenOptimizer}: repeated contexts and prompt paragraphs, and contexts inside others. */
final class Deduplication {
    private Deduplication() {
    }

    /** Contexts whose whitespace-normalised text repeats an earlier one's are dropped. */
    static ArrayList<Item> dropRepeated(List<Item> items) {
        var seen = new HashSet<String>();
        var out = new ArrayList<Item>();
        for (Item i : items) if (seen.add(normalise(i.content()))) out.add(i);
        return out;
    }

    /** Contexts whose whitespace-normalised text occurs inside another context's are dropped; the container keeps the higher relevance. */
    static ArrayList<Item> dropContained(List<Item> items) {
        var norm = new ArrayList<String>();
        for (Item i : items) norm.add(normalise(i.content()));
        var out = new ArrayList<Item>(items);
        var dropped = new boolean[items.size()];
        for (int a = 0; a < items.size(); a++) {
            if (norm.get(a).isEmpty()) continue;
            for (int b = 0; b < items.size(); b++) {
                if (a == b || dropped[b] || norm.get(b).length() <= norm.get(a).length() || !norm.get(b).contains(norm.get(a))) continue;
                dropped[a] = true;
                if (relevance(items.get(a)) > relevance(out.get(b))) {
                    Item c = out.get(b);
                    out.set(b, new Item(c.id(), c.path(), c.language(), c.content(), items.get(a).relevanceScore()));
                }
                break;
            }
        }
        var kept = new ArrayList<Item>();
        for (int k = 0; k < out.size(); k++) if (!dropped[k]) kept.add(out.get(k));
        return kept;
    }

    private static double relevance(Item i) {
        return i.relevanceScore() == null ? 0 : i.relevanceScore();
    }

    static String normalise(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    /** Paragraphs of 40 characters or more that repeat an earlier one go. */
    static String dedupeParagraphs(String prompt) {
        if (prompt.isEmpty()) return prompt;
        String[] paragraphs = prompt.split("\n\\s*\n");
        var seen = new HashSet<String>();
        var out = new ArrayList<String>();
        for (String p : paragraphs) {
            String n = normalise(p);
            if (n.length() < 40 || seen.add(n)) out.add(p);
        }
        return out.size() == paragraphs.length ? prompt : String.join("\n\n", out);
    }
}
