package dev.luna.workers.requirements;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.FeatureChild;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parses every generated {@code .feature} file with the official Gherkin parser (io.cucumber:gherkin): its problems, empty when all parse. */
final class GherkinCheck {
    private static final GherkinParser PARSER = GherkinParser.builder().includeSource(false).includePickles(true).includeGherkinDocument(true).build();

    private GherkinCheck() {
    }

    static List<String> problems(Map<String, byte[]> files) {
        var out = new ArrayList<String>();
        files.forEach((path, bytes) -> out.addAll(problems(path, bytes)));
        return out;
    }

    static List<String> problems(String path, byte[] bytes) {
        var out = new ArrayList<String>();
        var scenarios = new int[1];
        var features = new int[1];
        PARSER.parse(path, bytes).forEach(envelope -> {
            envelope.getParseError().ifPresent(e -> out.add(path + ": " + e.getMessage()));
            envelope.getGherkinDocument().flatMap(d -> d.getFeature()).ifPresent(f -> {
                features[0]++;
                for (FeatureChild c : f.getChildren()) c.getRule().ifPresent(r -> scenarios[0] += (int) r.getChildren().stream().filter(x -> x.getScenario().isPresent()).count());
            });
            envelope.getPickle().ifPresent(p -> {
                if (p.getSteps().isEmpty()) out.add(path + ": scenario \"" + p.getName() + "\" has no steps");
            });
        });
        if (out.isEmpty() && features[0] != 1) out.add(path + ": no feature");
        if (out.isEmpty() && scenarios[0] == 0) out.add(path + ": no scenario");
        return out;
    }
}
