package dev.luna.codebase;

import dev.luna.codebase.endpoint.Endpoint;
import dev.luna.codebase.imports.ImportEdge;
import dev.luna.codebase.java.JavaModel;
import dev.luna.codebase.lang.Framework;
import dev.luna.codebase.lang.LanguageTotal;
import dev.luna.codebase.lang.SourceFile;
import dev.luna.codebase.manifest.Manifest;
import dev.luna.codebase.manifest.Module;
import dev.luna.codebase.shape.Shape;
import dev.luna.codebase.source.FileIssue;
import java.util.List;

/**
 * The immutable model of one analysed project, built once by {@link Codebase#analyse} and read by every task type.
 * Every list is sorted by the key its element type names; literal values copied from the source are masked.
 *
 * @param complete    false when the analysis was stopped before the end (then {@code issues} says what was left)
 * @param files       every analysed file, sorted by path
 * @param languages   totals per language, sorted by language
 * @param frameworks  frameworks, build systems and package managers, sorted by name
 * @param manifests   manifests and lockfiles, sorted by path
 * @param modules     build modules and workspace packages, sorted by root, kind, name
 * @param java        Java symbols, type graph and call graph
 * @param imports     the import graph of every language, sorted by file, line, specifier
 * @param entryPoints what runs without being called by project code, sorted by symbol, kind, file, line
 * @param endpoints   HTTP endpoints, sorted by path, then method
 * @param shapes      data shapes (DTOs, entities, TS interfaces, pydantic models), sorted by name
 * @param issues      files skipped or read only in part, and why; sorted by path, kind
 */
public record ProjectModel(boolean complete, List<SourceFile> files, List<LanguageTotal> languages, List<Framework> frameworks,
                           List<Manifest> manifests, List<Module> modules, JavaModel java, List<ImportEdge> imports,
                           List<EntryPoint> entryPoints, List<Endpoint> endpoints, List<Shape> shapes, List<FileIssue> issues) {
    public ProjectModel {
        files = List.copyOf(files);
        languages = List.copyOf(languages);
        frameworks = List.copyOf(frameworks);
        manifests = List.copyOf(manifests);
        modules = List.copyOf(modules);
        imports = List.copyOf(imports);
        entryPoints = List.copyOf(entryPoints);
        endpoints = List.copyOf(endpoints);
        shapes = List.copyOf(shapes);
        issues = List.copyOf(issues);
    }

    /** The shape of that name, or null. */
    public Shape shape(String name) {
        for (var s : shapes) if (s.name().equals(name)) return s;
        return null;
    }
}
