package dev.luna.codebase.java;

import java.util.List;

/**
 * What the Java sources declare and how they connect.
 *
 * @param sourceRoots detected source roots (directories holding package roots), sorted
 * @param types       sorted by qualified name
 * @param typeEdges   the type graph: project types only, sorted by from, to, kind
 * @param calls       the call graph: project methods only, sorted by from, to, resolution, line
 */
public record JavaModel(List<String> sourceRoots, List<TypeSymbol> types, List<TypeEdge> typeEdges, List<CallEdge> calls) {
    public static final JavaModel EMPTY = new JavaModel(List.of(), List.of(), List.of(), List.of());

    public JavaModel {
        sourceRoots = List.copyOf(sourceRoots);
        types = List.copyOf(types);
        typeEdges = List.copyOf(typeEdges);
        calls = List.copyOf(calls);
    }
}
