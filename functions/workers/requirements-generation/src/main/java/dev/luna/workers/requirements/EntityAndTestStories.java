package dev.luna.workers.requirements;

import dev.luna.codebase.behaviour.Behaviour;
import dev.luna.codebase.shape.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stories from data entities (in the feature of the resource they are named after, else "Data records") and from
 * tests: one story per test file, a scenario per test with the assertions inside it as its outcomes.
 */
final class EntityAndTestStories {
    static final int MAX_TESTS_PER_STORY = 12;
    static final int MAX_ASSERTIONS = 3;
    static final int MAX_PROPERTIES = 8;
    private final ProjectEvidence evidence;
    private final String audience;
    private final Set<String> resources;

    EntityAndTestStories(ProjectEvidence evidence, String audience, Set<String> resources) {
        this.evidence = evidence;
        this.audience = audience;
        this.resources = resources;
    }

    List<Draft> drafts() {
        var out = new ArrayList<Draft>();
        for (var s : evidence.model().shapes()) {
            if (!s.kind().equals("entity")) continue;
            int end = s.properties().stream().mapToInt(Property::line).max().orElse(s.line());
            var links = Links.clean(List.of(evidence.links().of(s.file(), s.line(), end)));
            if (links.isEmpty()) continue;
            var steps = new ArrayList<Step>();
            steps.add(new Step("Given", "a " + s.name() + " record is saved"));
            steps.add(new Step("When", "it is read back"));
            var props = s.properties().stream().limit(MAX_PROPERTIES).toList();
            steps.add(new Step("Then", props.isEmpty() ? "it is the same record" : "it holds " + String.join(", ", props.stream().map(p -> "\"" + p.name() + "\"").toList())));
            for (var p : props) if (p.required()) steps.add(new Step("And", "\"" + p.name() + "\" is required"));
            String slug = feature(Words.slug(s.name()), "data-records");
            String title = slug.equals("data-records") ? "Data records" : Words.title(slug);
            var scenario = new Scenario(null, s.name() + " records keep their data", steps, links);
            out.add(new Draft(slug, title, new Story(null, "entity", "Entity " + s.name(), audience, "the system to keep " + Words.human(s.name()) + " records",
                    "the information is there when I come back", List.of(scenario), links), "2 " + s.name()));
        }
        out.addAll(tests());
        return out;
    }

    /** The feature an entity or test subject belongs to: the resource it names (singular or plural), else its own. */
    private String feature(String subject, String fallback) {
        for (String r : resources) if (r.equals(subject) || Words.singular(r).equals(Words.singular(subject))) return r;
        return fallback;
    }

    private List<Draft> tests() {
        var byFile = new TreeMap<String, List<Behaviour>>();
        for (var t : evidence.kind("test")) byFile.computeIfAbsent(t.file(), k -> new ArrayList<>()).add(t);
        var assertions = new TreeMap<String, List<Behaviour>>();
        for (var a : evidence.kind("assertion")) assertions.computeIfAbsent(a.file(), k -> new ArrayList<>()).add(a);
        var out = new ArrayList<Draft>();
        for (var e : byFile.entrySet()) {
            String file = e.getKey();
            var tests = e.getValue();
            String typeName = file.replaceAll("^.*/", "").replaceAll("\\..*$", "").replaceAll("^test_", "").replaceAll("_test$", "");
            String subject = Words.testSubject(typeName);
            var scenarios = new ArrayList<Scenario>();
            var storyLinks = new ArrayList<Link>();
            for (int i = 0; i < tests.size() && scenarios.size() < MAX_TESTS_PER_STORY; i++) {
                var t = tests.get(i);
                int end = t.endLine() > t.startLine() ? t.endLine() : i + 1 < tests.size() ? tests.get(i + 1).startLine() - 1 : Integer.MAX_VALUE;
                var steps = new ArrayList<Step>();
                steps.add(new Step("Given", t.detail().matches("[A-Za-z0-9_.$]+#[A-Za-z0-9_$]+") ? "the test \"" + t.detail() + "\""
                        : "the test \"" + t.name() + "\" in " + file.replaceAll("^.*/", "")));
                steps.add(new Step("When", "it exercises the system"));
                var inside = assertions.getOrDefault(file, List.of()).stream().filter(a -> a.startLine() >= t.startLine() && a.startLine() <= end)
                        .limit(MAX_ASSERTIONS).toList();
                if (inside.isEmpty()) steps.add(new Step("Then", "it passes"));
                for (int k = 0; k < inside.size(); k++) steps.add(new Step(k == 0 ? "Then" : "And", "the check " + inside.get(k).detail().replaceAll(";$", "") + " holds"));
                var links = new ArrayList<Link>();
                links.add(evidence.link(t));
                inside.forEach(a -> links.add(evidence.link(a)));
                var clean = Links.clean(links);
                if (clean.isEmpty()) continue;
                storyLinks.addAll(clean);
                String name = Words.capital(Words.human(t.name().replaceAll("^test_?", "")));
                scenarios.add(new Scenario(null, name.isBlank() ? "Test " + Words.line(t.name(), 100) : name, steps, clean));
            }
            if (scenarios.isEmpty()) continue;
            String slug = feature(subject, subject);
            out.add(new Draft(slug, Words.title(slug), new Story(null, "test", "Tests in " + typeName, audience,
                    Words.human(subject) + " to behave as its tests specify", "a change that breaks it is caught before release", scenarios,
                    Links.clean(storyLinks)), "3 " + file));
        }
        return out;
    }
}
