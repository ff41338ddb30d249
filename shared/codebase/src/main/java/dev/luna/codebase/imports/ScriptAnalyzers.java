package dev.luna.codebase.imports;

import dev.luna.codebase.EntryPoint;
import dev.luna.codebase.endpoint.Endpoint;
import dev.luna.codebase.manifest.Manifests;
import dev.luna.codebase.shape.Shape;
import dev.luna.codebase.source.FileIssue;
import dev.luna.codebase.source.Nesting;
import dev.luna.codebase.source.SourceReader;
import dev.luna.codebase.source.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** JavaScript/TypeScript, Python, Go and Swift analysis: imports, endpoints, shapes, entry points. */
public final class ScriptAnalyzers {
    /** What the script languages contribute to the model. */
    public record Result(List<ImportEdge> imports, List<Endpoint> endpoints, List<Shape> shapes, List<EntryPoint> entryPoints) {
    }

    private final int maxNesting;
    private final UnaryOperator<String> mask;
    private final JsProject js = new JsProject();
    private final PythonProject python;
    private final List<ImportEdge> other = new ArrayList<>();
    private final List<EntryPoint> mains = new ArrayList<>();

    public ScriptAnalyzers(int maxNesting, UnaryOperator<String> mask) {
        this.maxNesting = maxNesting;
        this.mask = mask;
        this.python = new PythonProject(mask);
    }

    /** Reads one file's facts; a file that cannot be read is reported to {@code issues}, never thrown. */
    public void accept(SourceText text, String language, SourceReader issues) {
        boolean jsFile = JsProject.wants(text.path());
        boolean pyFile = text.path().endsWith(".py");
        boolean goFile = text.path().endsWith(".go");
        boolean swiftFile = text.path().endsWith(".swift");
        if (!jsFile && !pyFile && !goFile && !swiftFile) return;
        if (Nesting.deeperThan(text.text(), maxNesting * 4)) {
            issues.report(new FileIssue(text.path(), "too-deep", "brackets nest deeper than " + maxNesting * 4));
            return;
        }
        try {
            if (jsFile) js.accept(text);
            else if (pyFile) python.accept(text);
            else if (goFile) GoSwiftImports.go(text, other);
            else GoSwiftImports.swift(text, other);
            if (goFile || swiftFile) GoSwiftImports.entryPoints(text, mains);
        } catch (RuntimeException | StackOverflowError e) {
            issues.report(new FileIssue(text.path(), "unparseable", e.getClass().getSimpleName()));
        }
    }

    public Result finish(Path root, List<String> files, SourceReader reader, Manifests.Result manifests) {
        var jsResult = js.finish(files, reader, manifests.manifests());
        var pyResult = python.finish(files);
        var imports = new ArrayList<>(jsResult.imports());
        imports.addAll(pyResult.imports());
        imports.addAll(GoSwiftImports.resolveGo(other, manifests.modules(), files));
        var endpoints = new ArrayList<>(jsResult.endpoints());
        endpoints.addAll(pyResult.endpoints());
        var shapes = new ArrayList<>(jsResult.shapes());
        shapes.addAll(pyResult.shapes());
        var entryPoints = new ArrayList<>(jsResult.entryPoints());
        entryPoints.addAll(pyResult.entryPoints());
        entryPoints.addAll(mains);
        return new Result(imports, endpoints, shapes, entryPoints);
    }
}
