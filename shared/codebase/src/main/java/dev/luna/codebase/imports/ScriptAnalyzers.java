package dev.luna.codebase.imports;

import dev.luna.codebase.EntryPoint;
import dev.luna.codebase.endpoint.Endpoint;
import dev.luna.codebase.manifest.Manifests;
import dev.luna.codebase.shape.Shape;
import dev.luna.codebase.source.SourceReader;
import dev.luna.codebase.source.SourceText;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/** JavaScript/TypeScript, Python, Go and Swift analysis: imports, endpoints, shapes, entry points. */
public final class ScriptAnalyzers {
    /** What the script languages contribute to the model. */
    public record Result(List<ImportEdge> imports, List<Endpoint> endpoints, List<Shape> shapes, List<EntryPoint> entryPoints) {
    }

    public ScriptAnalyzers(int maxNesting, UnaryOperator<String> mask) {
    }

    public void accept(SourceText text, String language, SourceReader issues) {
    }

    public Result finish(Path root, List<String> files, SourceReader reader, Manifests.Result manifests) {
        return new Result(List.of(), List.of(), List.of(), List.of());
    }
}
