package dev.luna.workers.aiintegration.gen;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.luna.workers.aiintegration.find.Kinds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the integration for a language: the client, the features of the chosen kinds, a test with a stubbed
 * gateway, and the prompt templates and answer schemas (copied as they are). Code templates are Mustache files under
 * {@code templates/<language>/} that switch to {@code <% %>} delimiters, so the client's own {@code {{slot}}} syntax
 * for prompts passes through untouched; each feature's code and test are partials ({@code <language>/features/<flag>},
 * {@code <language>/tests/<flag>}) included when the patch implements that feature.
 */
public final class IntegrationFiles {
    /** The Mustache flag of each kind, as the code templates test it. */
    static final Map<String, String> FLAGS = Map.of("semantic-search", "search", "text-classification", "classify", "summarisation",
            "summarise", "support-assistant", "assistant", "form-autofill", "autofill", "anomaly-explanation", "logs");
    private static final Map<String, Template> CACHE = new ConcurrentHashMap<>();
    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).strictSections(false)
            .withLoader(name -> new java.io.StringReader(resource("templates/" + name.strip() + ".mustache")));

    private IntegrationFiles() {
    }

    /** path → content, sorted by path. {@code kinds} is not empty and in rank order (the first is the test's example). */
    public static SortedMap<String, String> render(String language, Layout layout, List<String> kinds) {
        var context = new HashMap<String, Object>();
        for (var flag : FLAGS.entrySet()) context.put(flag.getValue(), kinds.contains(flag.getKey()));
        String first = kinds.get(0);
        String sample = Kinds.get().kind(first).sample();
        String escaped = sample.replace("\\", "\\\\").replace("\"", "\\\"");
        context.put("firstKind", first);
        context.put("sampleAnswerJava", escaped);
        context.put("sampleAnswerTs", escaped);
        context.put("sampleAnswerPython", escaped);
        context.put("package", layout.javaPackage() == null ? "" : layout.javaPackage());
        context.put("pyPackage", layout.pyPackage() == null ? "" : layout.pyPackage());
        context.put("testModule", layout.pyPackage() == null ? "" : layout.pyPackage() + ".test_luna_ai");
        context.put("importExt", layout.importExt());
        context.put("resourcesDir", layout.runtimeResources());
        var out = new TreeMap<String, String>();
        for (String[] file : layout.files(language, kinds)) {
            String name = file[0];
            boolean copy = name.startsWith("prompts/") || name.startsWith("schemas/");
            String text = copy ? resource("templates/" + name) : CACHE.computeIfAbsent(name,
                    n -> COMPILER.compile(resource("templates/" + n + ".mustache"))).execute(context);
            out.put(file[1], tidy(text));
        }
        return out;
    }

    /** Section tags leave blank lines behind: at most one blank line in a row, none at the start, one final newline. */
    static String tidy(String text) {
        String t = text.replace("\r\n", "\n").replaceAll("\n{3,}", "\n\n").replaceAll("^\n+", "");
        t = t.replaceAll("\\{\\n\\n", "{\n").replaceAll("\\n\\n(\\s*})", "\n$1");
        return t.endsWith("\n") ? t : t + "\n";
    }

    static String resource(String name) {
        try (InputStream in = IntegrationFiles.class.getResourceAsStream("/" + name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
