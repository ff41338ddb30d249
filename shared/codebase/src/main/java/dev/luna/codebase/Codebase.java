package dev.luna.codebase;

import dev.luna.codebase.endpoint.Endpoint;
import dev.luna.codebase.endpoint.JavaEndpoints;
import dev.luna.codebase.imports.ImportEdge;
import dev.luna.codebase.imports.ScriptAnalyzers;
import dev.luna.codebase.java.JavaAnalyzer;
import dev.luna.codebase.java.JavaModel;
import dev.luna.codebase.java.JavaResult;
import dev.luna.codebase.lang.FrameworkDetector;
import dev.luna.codebase.lang.LanguageTotal;
import dev.luna.codebase.lang.Languages;
import dev.luna.codebase.lang.SourceFile;
import dev.luna.codebase.manifest.Manifests;
import dev.luna.codebase.shape.JavaShapes;
import dev.luna.codebase.shape.Shape;
import dev.luna.codebase.shape.TypeNames;
import dev.luna.codebase.source.FileIssue;
import dev.luna.codebase.source.SourceReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Builds the {@link ProjectModel} of a checked-out project from its source text and manifests; nothing of the
 * project is executed. One instance may analyse many projects, one at a time per thread.
 */
public final class Codebase {
    private final Limits limits;
    private final UnaryOperator<String> mask;
    private final Languages languages = new Languages();

    public Codebase() {
        this(Limits.DEFAULT, new LiteralMask());
    }

    /** @param mask applied to every literal value the model copies from the source (use the project's secret detector) */
    public Codebase(Limits limits, UnaryOperator<String> mask) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.mask = Objects.requireNonNull(mask, "mask");
    }

    /**
     * Analyses a project.
     *
     * @param root  the checked-out project (safe paths, no symlinks)
     * @param files its text files, relative to root, '/' separated
     * @param stop  polled between files: once true, the model built so far is returned with {@code complete} false
     */
    public ProjectModel analyse(Path root, List<String> files, BooleanSupplier stop) {
        BooleanSupplier halt = stop == null ? () -> false : stop;
        var sorted = files.stream().sorted().distinct().toList();
        var reader = new SourceReader(root, limits.maxFileBytes());
        var frameworks = new FrameworkDetector();
        var java = new JavaAnalyzer(limits.maxNesting(), limits.symbolSolverCallsPerFile(), limits.maxNameCandidates(), mask);
        var scripts = new ScriptAnalyzers(limits.maxNesting(), mask);
        var sourceFiles = new ArrayList<SourceFile>();
        boolean complete = true;
        for (int i = 0; i < sorted.size(); i++) {
            String path = sorted.get(i);
            if (halt.getAsBoolean()) {
                complete = false;
                reader.report(new FileIssue(path, "not-analysed", "stopped; " + (sorted.size() - i) + " files from here on were not read"));
                break;
            }
            var text = reader.read(path);
            if (text == null) continue;
            String language = languages.detect(path, text.text());
            sourceFiles.add(new SourceFile(path, language, text.lines(), text.bytes()));
            frameworks.file(path);
            if (text.text().isEmpty()) continue;
            if (JavaAnalyzer.wants(path)) java.accept(text, reader);
            scripts.accept(text, language, reader);
        }
        var manifests = new Manifests(mask).parse(complete ? sorted : sourceFiles.stream().map(SourceFile::path).toList(), reader, halt);
        manifests.manifests().forEach(m -> m.dependencies().forEach(frameworks::dependency));

        JavaResult javaResult = java.finish(halt);
        complete &= javaResult.complete();
        var scriptResult = scripts.finish(root, sorted, reader, manifests);
        var imports = new ArrayList<ImportEdge>(javaResult.imports());
        imports.addAll(scriptResult.imports());
        for (var edge : imports) {
            String imported = edge.external() != null ? edge.external() : edge.specifier();
            frameworks.importSeen(edge.language(), edge.from(), edge.line(), imported);
        }
        var found = frameworks.frameworks();
        boolean webflux = found.stream().anyMatch(f -> f.name().equals("Spring WebFlux"))
                && found.stream().noneMatch(f -> f.name().equals("Spring MVC"));

        JavaModel javaModel = javaResult.model();
        var shapes = new JavaShapes(new TypeNames(javaModel.types()));
        var endpoints = new ArrayList<Endpoint>(JavaEndpoints.find(javaModel.types(), javaResult.routes(), webflux,
                new TypeNames(javaModel.types()), shapes, mask));
        shapes.entities(javaModel.types());
        var allShapes = new ArrayList<Shape>(shapes.build());
        endpoints.addAll(scriptResult.endpoints());
        allShapes.addAll(scriptResult.shapes());
        var entryPoints = new ArrayList<EntryPoint>(javaResult.entryPoints());
        entryPoints.addAll(scriptResult.entryPoints());

        sourceFiles.sort(Comparator.comparing(SourceFile::path));
        imports.sort(ImportEdge.ORDER);
        entryPoints.sort(EntryPoint.ORDER);
        endpoints.sort(Endpoint.ORDER);
        allShapes.sort(Shape.ORDER);
        var issues = new ArrayList<>(reader.issues());
        issues.sort(FileIssue.ORDER);
        return new ProjectModel(complete, sourceFiles, totals(sourceFiles), found, manifests.manifests(), manifests.modules(), javaModel,
                imports, dedupe(entryPoints), endpoints, allShapes, dedupeIssues(issues));
    }

    private static List<LanguageTotal> totals(List<SourceFile> files) {
        Map<String, long[]> byLanguage = new TreeMap<>();
        for (var f : files) {
            if (f.language() == null) continue;
            var t = byLanguage.computeIfAbsent(f.language(), k -> new long[2]);
            t[0]++;
            t[1] += f.lines();
        }
        var out = new ArrayList<LanguageTotal>();
        byLanguage.forEach((k, v) -> out.add(new LanguageTotal(k, (int) v[0], v[1])));
        return out;
    }

    private static <T> List<T> dedupe(List<T> sorted) {
        var out = new ArrayList<T>();
        for (var e : sorted) if (out.isEmpty() || !out.getLast().equals(e)) out.add(e);
        return out;
    }

    private static List<FileIssue> dedupeIssues(List<FileIssue> sorted) {
        var seen = new HashMap<String, Boolean>();
        var out = new ArrayList<FileIssue>();
        for (var i : sorted) if (seen.putIfAbsent(i.path() + "\u0000" + i.kind() + "\u0000" + i.detail(), true) == null) out.add(i);
        return out;
    }
}
