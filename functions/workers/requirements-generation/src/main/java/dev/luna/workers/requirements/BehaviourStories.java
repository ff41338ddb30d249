package dev.luna.workers.requirements;

import dev.luna.codebase.behaviour.Behaviour;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stories from the evidence that is not an HTTP endpoint: UI routes (in their resource's feature), CLI commands,
 * scheduled jobs, message consumers, configuration (one story per key prefix), README claims. Data entities and tests
 * are in {@link EntityAndTestStories}.
 */
final class BehaviourStories {
    static final int MAX_KEYS_SHOWN = 8;
    private static final java.util.Set<String> GENERIC = java.util.Set.of("spring", "boot", "cloud", "quarkus", "micronaut", "management", "app",
            "application");
    private final ProjectEvidence evidence;
    private final String audience;

    BehaviourStories(ProjectEvidence evidence, String audience) {
        this.evidence = evidence;
        this.audience = audience;
    }

    List<Draft> drafts() {
        var out = new ArrayList<Draft>();
        for (var b : evidence.kind("ui-route")) {
            String resource = Words.resource(b.name());
            String screen = b.name().equals("/") ? "home" : Words.human(b.name().replaceAll("[{}*:]", "").replace('/', ' '));
            out.add(one(resource, Words.title(resource), "ui-route", "Screen " + b.name(), Roles.role(Roles.Access.NONE, b.name(), audience),
                    "to open the " + screen + " screen", "I can work with it in the user interface",
                    List.of(new Step("Given", "a " + audience + " in the application"), new Step("When", "they navigate to \"" + b.name() + "\""),
                            new Step("Then", "the " + screen + " screen is shown")), b, "1 " + b.name()));
        }
        for (var b : evidence.kind("cli-command")) {
            out.add(one("command-line", "Command line", "cli-command", "Command " + b.name(), audience, "to run the \"" + b.name() + "\" command",
                    "I can use it from a terminal", List.of(new Step("Given", "the command-line tool is installed"),
                            new Step("When", "I run the \"" + b.name() + "\" command"), new Step("Then", "the \"" + b.name() + "\" command completes")), b, b.name()));
        }
        for (var b : evidence.kind("scheduled-job")) {
            String schedule = b.detail().startsWith("@") ? b.detail() : "\"" + b.name() + "\"";
            out.add(one("scheduled-jobs", "Scheduled jobs", "scheduled-job", "Scheduled job " + b.name(), "operator", "\"" + b.name() + "\" to run on its schedule",
                    "the work happens without anyone starting it", List.of(new Step("Given", "the schedule " + schedule),
                            new Step("When", "the schedule fires"), new Step("Then", "\"" + b.name() + "\" runs")), b, b.name()));
        }
        for (var b : evidence.kind("message-consumer")) {
            out.add(one("messaging", "Message handling", "message-consumer", "Consume " + b.name(), "connected system",
                    "my messages on \"" + b.name() + "\" to be handled", "events are processed without a person in the loop",
                    List.of(new Step("Given", "a message on \"" + b.name() + "\""), new Step("When", "it arrives"),
                            new Step("Then", "it is handled (" + b.detail() + ")")), b, b.name()));
        }
        out.addAll(configuration());
        for (var b : evidence.kind("readme-claim")) {
            out.add(one("documented-capabilities", "Documented capabilities", "readme-claim", Words.line(b.name(), 80), audience,
                    "what the README promises: \"" + b.name() + "\"", "the documentation holds true", List.of(
                            new Step("Given", "the README says \"" + b.name() + "\""), new Step("When", "a " + audience + " relies on it"),
                            new Step("Then", "the system behaves as documented")), b, b.file() + " " + String.format("%08d", b.startLine())));
        }
        return out;
    }

    /** One story per configuration prefix: the keys under it are honoured. */
    private List<Draft> configuration() {
        var byPrefix = new TreeMap<String, List<Behaviour>>();
        for (var b : evidence.kind("config-flag")) {
            if (ProjectEvidence.test(b.file())) continue;
            String prefix = b.name().matches("[A-Z0-9_]+") ? "environment" : prefix(b.name().replaceFirst("^--", ""));
            byPrefix.computeIfAbsent(prefix, k -> new ArrayList<>()).add(b);
        }
        var out = new ArrayList<Draft>();
        for (Map.Entry<String, List<Behaviour>> e : byPrefix.entrySet()) {
            var keys = e.getValue().stream().map(Behaviour::name).distinct().sorted().toList();
            var steps = new ArrayList<Step>();
            for (int i = 0; i < Math.min(MAX_KEYS_SHOWN, keys.size()); i++) steps.add(new Step(i == 0 ? "Given" : "And", "the setting \"" + keys.get(i) + "\" is configured"));
            steps.add(new Step("When", "the application starts"));
            steps.add(new Step("Then", "it uses the configured values"));
            if (keys.size() > MAX_KEYS_SHOWN) steps.add(new Step("And", (keys.size() - MAX_KEYS_SHOWN) + " more settings under \"" + e.getKey() + "\" are honoured too"));
            var links = Links.clean(e.getValue().stream().map(evidence::link).toList());
            if (links.isEmpty()) continue;
            String title = "Settings " + e.getKey();
            var scenario = new Scenario(null, "Settings under \"" + e.getKey() + "\" are honoured", steps, links);
            out.add(new Draft("configuration", "Configuration", new Story(null, "config-flag", title, "operator",
                    "to configure the " + Words.human(e.getKey()) + " settings (" + keys.size() + " " + (keys.size() == 1 ? "key" : "keys") + ")",
                    "each deployment can be tuned without code changes", List.of(scenario), links), e.getKey()));
        }
        return out;
    }

    /**
     * The group of a configuration key: its first segments, more of them under generic roots ({@code spring.boot.admin.monitor}
     * for {@code spring.boot.admin.monitor.period}, {@code shop.payments} for {@code shop.payments.timeout}), never the leaf.
     */
    static String prefix(String key) {
        String[] segs = key.split("[.\\[]");
        int generic = 0;
        while (generic < segs.length && GENERIC.contains(segs[generic])) generic++;
        int take = Math.max(1, Math.min(generic + 2, segs.length - 1));
        return String.join(".", java.util.Arrays.copyOf(segs, take));
    }

    private Draft one(String slug, String featureTitle, String source, String title, String role, String want, String soThat, List<Step> steps,
                      Behaviour b, String sortKey) {
        var links = Links.clean(List.of(evidence.link(b)));
        var scenario = new Scenario(null, Words.line(title, 120), steps, links);
        return new Draft(slug, featureTitle, new Story(null, source, Words.line(title, 120), role, want, soThat, List.of(scenario), links), sortKey);
    }
}
