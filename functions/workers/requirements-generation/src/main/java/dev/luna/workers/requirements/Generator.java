package dev.luna.workers.requirements;

import dev.luna.codebase.Codebase;
import dev.luna.codebase.Limits;
import dev.luna.codebase.behaviour.Behaviours;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * The deterministic core: analyses the checkout ({@link Codebase} and {@link Behaviours}, nothing executed) and plans
 * features, stories, acceptance criteria, NFRs and open questions from the evidence. Same files and options → equal
 * documents.
 */
final class Generator {
    private final Codebase codebase;
    private final Behaviours behaviours = new Behaviours();
    private final UnaryOperator<String> mask;
    private final Map<String, String> statements = tsv("/nfr-statements.tsv");
    private final Map<String, String> configKeys = tsv("/nfr-config-keys.tsv");

    Generator(UnaryOperator<String> mask) {
        this.mask = mask;
        this.codebase = new Codebase(Limits.DEFAULT, mask);
    }

    /** The project model and its behavioural evidence; stops early (model incomplete) when {@code stop} fires. */
    ProjectEvidence analyse(Path root, List<String> files, BooleanSupplier stop) {
        var model = codebase.analyse(root, files, stop);
        return new ProjectEvidence(model, behaviours.find(root, model, mask, stop));
    }

    RequirementsDocument plan(ProjectEvidence evidence, RequirementsOptions options, boolean complete) {
        var access = new EndpointStories.Access(evidence.kind("auth"));
        var endpoints = new EndpointStories(evidence, access, options.audience());
        var drafts = new ArrayList<Draft>();
        var resources = new TreeSet<String>();
        var calls = new java.util.HashMap<String, Integer>();
        for (var e : evidence.endpoints()) calls.merge(e.method() + " " + e.path(), 1, Integer::sum);
        var features = Resources.of(evidence.endpoints(), FeaturePlanner.MAX_STORIES_PER_FEATURE);
        for (var e : evidence.endpoints()) {
            var d = endpoints.draft(e, features.get(e), calls.get(e.method() + " " + e.path()) > 1);
            resources.add(d.featureSlug());
            drafts.add(d);
        }
        for (var b : evidence.kind("ui-route")) resources.add(Words.resource(b.name()));
        drafts.addAll(new BehaviourStories(evidence, options.audience()).drafts());
        drafts.addAll(new EntityAndTestStories(evidence, options.audience(), resources).drafts());
        var planned = FeaturePlanner.plan(drafts);
        var nfrs = NfrPlanner.plan(evidence, statements, configKeys);
        var questions = QuestionPlanner.plan(evidence, access);
        var omitted = new TreeMap<>(planned.omitted());
        if (nfrs.omitted() > 0) omitted.put("nonFunctional", nfrs.omitted());
        return new RequirementsDocument(options.audience(), complete && evidence.model().complete(), evidence.model().files().size(),
                counts(evidence), planned.features(), nfrs.nfrs(), questions, omitted);
    }

    private static Map<String, Integer> counts(ProjectEvidence evidence) {
        var out = new TreeMap<String, Integer>();
        out.put("endpoint", evidence.endpoints().size());
        out.put("entity", (int) evidence.model().shapes().stream().filter(s -> s.kind().equals("entity")).count());
        for (var b : evidence.behaviours()) out.merge(b.kind(), 1, Integer::sum);
        return out;
    }

    static Map<String, String> tsv(String resource) {
        try (InputStream in = Generator.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            var out = new TreeMap<String, String>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] c = line.split("\t");
                if (c.length != 2) throw new IllegalStateException(resource + ": two tab-separated columns expected: " + line);
                out.put(c[0], c[1]);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
