package dev.luna.codebase.java;

import dev.luna.codebase.EntryPoint;
import dev.luna.codebase.imports.ImportEdge;
import java.util.List;

/** What {@link JavaAnalyzer} found: the model, Java entry points, imports and functional routes (unsorted). */
public record JavaResult(JavaModel model, List<EntryPoint> entryPoints, List<ImportEdge> imports, List<FunctionalRoute> routes,
                         boolean complete) {
}
