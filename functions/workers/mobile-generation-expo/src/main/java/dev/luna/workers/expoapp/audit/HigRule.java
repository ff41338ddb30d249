package dev.luna.workers.expoapp.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One HIG rule's metadata, kept as data in {@code hig-rules/<id>.yaml} (the detection is in {@link RnScanner}).
 *
 * @param id         stable id
 * @param title      short name
 * @param severity   {@code error} or {@code warning}
 * @param message    what is wrong
 * @param fix        how to fix it
 * @param references https links to the guidelines
 * @param since      version that added it
 */
public record HigRule(String id, String title, String severity, String message, String fix, List<String> references, String since) {
    public static final List<String> IDS = List.of("hard-coded-font-size", "hard-coded-color", "small-hit-target",
            "icon-only-pressable-without-label", "contrast-failure", "missing-dark-mode", "fixed-layout-large-text");
    private static final List<HigRule> ALL = load();

    public static List<HigRule> all() {
        return ALL;
    }

    public static HigRule byId(String id) {
        return ALL.stream().filter(r -> r.id.equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException("no rule " + id));
    }

    private static List<HigRule> load() {
        var yaml = YAMLMapper.builder().build();
        var out = new ArrayList<HigRule>();
        for (var id : IDS) {
            try (var in = HigRule.class.getClassLoader().getResourceAsStream("hig-rules/" + id + ".yaml")) {
                if (in == null) throw new IllegalStateException("hig-rules/" + id + ".yaml missing");
                var n = yaml.readTree(in.readAllBytes());
                var refs = new ArrayList<String>();
                n.path("references").forEach(r -> refs.add(r.asString()));
                out.add(new HigRule(n.path("id").asString(), n.path("title").asString(), n.path("severity").asString(), n.path("message").asString(),
                        n.path("fix").asString(), List.copyOf(refs), n.path("since").asString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(out);
    }
}
