package dev.luna.workers.aiintegration;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.luna.workers.aiintegration.find.Kinds;
import dev.luna.workers.aiintegration.find.Opportunity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code ai-integration.md} from {@code templates/report/ai-integration.md.mustache}: the template sees only the view built here. */
final class ReportMarkdown {
    private static final Template TEMPLATE = Mustache.compiler().escapeHTML(false).defaultValue("").emptyStringIsFalse(true).zeroIsFalse(true).compile(resource("templates/report/ai-integration.md.mustache"));

    private ReportMarkdown() {
    }

    static String render(IntegrationReport r, IntegrationOptions options) {
        var v = new HashMap<String, Object>();
        var s = r.summary();
        v.put("files", s.get("files"));
        v.put("languages", languages(s.get("languages")));
        List<?> frameworks = (List<?>) s.get("frameworks");
        v.put("frameworks", frameworks.isEmpty() ? "none detected" : frameworks.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        v.put("endpoints", s.get("endpoints"));
        v.put("shapes", s.get("shapes"));
        v.put("candidates", s.get("candidates"));
        v.put("language", r.target().language());
        v.put("languageReason", r.target().reason());
        v.put("incomplete", !r.complete());
        v.put("hasOpportunities", !r.opportunities().isEmpty());
        v.put("more", r.more() > 0 ? r.more() : null);
        v.put("opportunities", r.opportunities().stream().map(o -> opportunity(o, r)).toList());
        v.put("patchKindCount", r.patchKinds().size());
        v.put("hasPatch", !r.patch().isEmpty());
        v.put("noPatchReason", !options.emitPatch() ? "options.emitPatch is false" : "there is no opportunity to implement");
        v.put("patchFileCount", r.files().size());
        v.put("patchBytes", r.patch().getBytes(StandardCharsets.UTF_8).length);
        v.put("patchFiles", r.files().entrySet().stream().map(e -> Map.of("path", e.getKey(), "lines", e.getValue().lines().count())).toList());
        v.put("testCommand", testCommand(r));
        v.put("slotExample", "{{key}}");
        v.put("catalogVersion", r.cost().catalogVersion());
        var volumes = new ArrayList<String>();
        options.volumes().forEach((k, n) -> volumes.add(k + " " + n));
        v.put("volumes", String.format(java.util.Locale.ROOT, "%,d requests per month per feature", options.defaultVolume())
                + (volumes.isEmpty() ? " (the default; set options.volumes to change it)" : ", except " + String.join(", ", volumes) + " (options.volumes)"));
        v.put("hasCost", !r.cost().rows().isEmpty());
        v.put("costRows", r.cost().rows().stream().map(row -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("title", row.title());
            m.put("requests", String.format(java.util.Locale.ROOT, "%,d", row.requestsPerMonth()));
            m.put("inputTokens", row.inputTokens());
            m.put("outputTokens", row.outputTokens());
            m.put("model", "`" + row.model() + "` (" + row.provider() + ")");
            m.put("recommended", row.recommended());
            m.put("inputPrice", row.inputPrice().toPlainString());
            m.put("outputPrice", row.outputPrice().toPlainString());
            m.put("monthly", "$" + row.monthlyUsd().toPlainString());
            return m;
        }).toList());
        v.put("total", r.cost().recommendedTotalUsd().toPlainString());
        v.put("modelNote", r.modelNote());
        return TEMPLATE.execute(v).replaceAll("\n{3,}", "\n\n");
    }

    private static Map<String, Object> opportunity(Opportunity o, IntegrationReport r) {
        var m = new HashMap<String, Object>();
        m.put("id", o.id());
        m.put("title", o.title());
        m.put("subject", cell(o.subject()));
        m.put("value", o.value());
        m.put("effort", o.effort());
        m.put("score", o.score());
        m.put("firstEvidence", cell("`" + o.evidence().get(0).location() + "`" + (o.evidence().size() > 1 ? " (+" + (o.evidence().size() - 1) + ")" : "")));
        m.put("rationale", o.rationale());
        m.put("evidence", o.evidence().stream().map(sp -> Map.of("location", sp.location(), "detail", sp.detail())).toList());
        m.put("files", o.files().stream().map(f -> "`" + f + "`").collect(Collectors.joining(", ")));
        var kind = Kinds.get().kind(o.kind());
        m.put("design", kind.design());
        boolean in = r.patchKinds().contains(o.kind()) && !r.patch().isEmpty();
        m.put("inPatch", in);
        if (in) {
            String lang = r.target().language();
            String feature = lang.equals("python") ? snake(kind.feature()) : kind.feature();
            m.put("call", (lang.equals("python") ? "AiFeatures()." : lang.equals("java") ? "AiFeatures.fromEnvironment()." : "new AiFeatures().") + feature + "(…)");
            m.put("codeFile", r.layout().codeDir() + "/" + (lang.equals("java") ? "AiFeatures.java" : lang.equals("typescript") ? "aiFeatures.ts" : "features.py"));
            m.put("prompt", r.layout().resourcesDir() + "/prompts/" + o.kind() + ".txt");
            m.put("schema", r.layout().resourcesDir() + "/schemas/" + o.kind() + ".schema.json");
        }
        return m;
    }

    private static String testCommand(IntegrationReport r) {
        var l = r.layout();
        String cd = l.moduleRoot().isEmpty() ? "" : "cd " + l.moduleRoot() + " && ";
        return switch (r.target().language()) {
            case "java" -> "# the test uses JUnit 5 and the JDK's HttpServer: run it with the project's build, e.g.\n" + cd
                    + "mvn test -Dtest=LunaAiClientTest   # or: gradle test --tests '*LunaAiClientTest'";
            case "typescript" -> "# the test uses node:test and node:http (Node 20+): compile with the project's tsc, then run the compiled test, e.g.\n"
                    + cd + "npx tsc && node --test <outDir>/" + l.testDir().substring(l.moduleRoot().isEmpty() ? 0 : l.moduleRoot().length() + 1)
                    .replaceFirst("^src/", "") + "/lunaAiClient.test.js";
            default -> "python3 -m unittest " + l.pyPackage() + ".test_luna_ai   # http.server + unittest, no dependencies";
        };
    }

    private static String languages(Object languages) {
        var m = (Map<?, ?>) languages;
        if (m.isEmpty()) return "none";
        return m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String resource(String name) {
        try (InputStream in = ReportMarkdown.class.getResourceAsStream("/" + name)) {
            if (in == null) throw new IllegalStateException(name + " is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
