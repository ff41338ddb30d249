package dev.luna.codebase.imports;

import java.util.Comparator;

/**
 * One import in one file.
 *
 * @param from      the importing file, relative
 * @param line      1-based line
 * @param language  {@code java}, {@code js} (JavaScript and TypeScript), {@code python}, {@code go} or {@code swift}
 * @param kind      {@code import}, {@code import-type}, {@code export}, {@code side-effect}, {@code require},
 *                  {@code dynamic}, {@code static} (Java static import) or {@code wildcard} (on-demand import)
 * @param specifier as written: {@code ./util}, {@code express}, {@code com.acme.Foo}, {@code .models}
 * @param target    the project file it resolves to, or null
 * @param external  for a specifier that leaves the project, the package it names ({@code express}, {@code @nestjs/core},
 *                  {@code requests}, {@code github.com/gin-gonic/gin}); null when resolved or unknown
 */
public record ImportEdge(String from, int line, String language, String kind, String specifier, String target, String external) {
    public static final Comparator<ImportEdge> ORDER = Comparator.comparing(ImportEdge::from).thenComparingInt(ImportEdge::line)
            .thenComparing(ImportEdge::specifier).thenComparing(ImportEdge::kind);
}
