package dev.luna.workers.requirements;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups story drafts into features by slug, orders them (features by slug, stories by their sort key and title),
 * gives ids ({@code F1}, {@code F1.S2}, {@code F1.S2.AC3}), writes each feature's description from what it holds, and
 * applies the caps (what they leave out is counted).
 */
final class FeaturePlanner {
    static final int MAX_FEATURES = 150;
    static final int MAX_STORIES_PER_FEATURE = 60;
    static final int MAX_SCENARIOS_PER_STORY = 12;
    private static final Map<String, String> SOURCE_NAMES = sourceNames();

    record Planned(List<Feature> features, Map<String, Integer> omitted) {
    }

    static Planned plan(List<Draft> drafts) {
        var bySlug = new TreeMap<String, List<Draft>>();
        for (var d : drafts) if (!d.story().links().isEmpty() && !d.story().scenarios().isEmpty()) bySlug.computeIfAbsent(d.featureSlug(), k -> new ArrayList<>()).add(d);
        var omitted = new TreeMap<String, Integer>();
        var features = new ArrayList<Feature>();
        for (var e : bySlug.entrySet()) {
            if (features.size() == MAX_FEATURES) {
                omitted.merge("features", 1, Integer::sum);
                omitted.merge("stories", e.getValue().size(), Integer::sum);
                continue;
            }
            var list = new ArrayList<>(e.getValue());
            list.sort(Comparator.comparing(Draft::sortKey).thenComparing(d -> d.story().title()));
            String fid = "F" + (features.size() + 1);
            var stories = new ArrayList<Story>();
            for (var d : list) {
                if (stories.size() == MAX_STORIES_PER_FEATURE) {
                    omitted.merge("stories", 1, Integer::sum);
                    continue;
                }
                String sid = fid + ".S" + (stories.size() + 1);
                var scenarios = new ArrayList<Scenario>();
                for (var sc : d.story().scenarios()) {
                    if (scenarios.size() == MAX_SCENARIOS_PER_STORY) {
                        omitted.merge("acceptanceCriteria", 1, Integer::sum);
                        continue;
                    }
                    if (sc.links().isEmpty()) continue;
                    scenarios.add(sc.withId(sid + ".AC" + (scenarios.size() + 1)));
                }
                stories.add(d.story().with(sid, scenarios));
            }
            String title = list.stream().filter(d -> d.story().source().equals("endpoint")).findFirst().orElse(list.getFirst()).featureTitle();
            features.add(new Feature(fid, e.getKey(), title, describe(title, stories), stories));
        }
        return new Planned(features, omitted);
    }

    /** {@code Owners: what the code shows — 4 HTTP endpoints, 1 entity, 1 test file.} */
    static String describe(String title, List<Story> stories) {
        var counts = new LinkedHashMap<String, Integer>();
        for (String key : SOURCE_NAMES.keySet()) counts.put(key, 0);
        for (var s : stories) counts.merge(s.source(), 1, Integer::sum);
        var parts = new ArrayList<String>();
        counts.forEach((k, n) -> {
            if (n > 0) parts.add(n + " " + (n == 1 ? SOURCE_NAMES.get(k) : plural(SOURCE_NAMES.get(k))));
        });
        return title + ": what the code shows, from " + String.join(", ", parts) + ".";
    }

    static String plural(String noun) {
        return noun.endsWith("y") && !noun.endsWith("ey") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
    }

    private static Map<String, String> sourceNames() {
        var m = new LinkedHashMap<String, String>();
        m.put("endpoint", "HTTP endpoint");
        m.put("ui-route", "screen");
        m.put("cli-command", "command");
        m.put("scheduled-job", "scheduled job");
        m.put("message-consumer", "message consumer");
        m.put("entity", "data entity");
        m.put("config-flag", "configuration group");
        m.put("test", "test file");
        m.put("readme-claim", "README claim");
        return m;
    }
}
