package dev.luna.codebase.manifest;

import java.util.Comparator;

/**
 * A unit of the project's build: a Maven module, a Gradle subproject, an npm/pnpm/yarn workspace package, a Go
 * module, a Swift or Python package.
 *
 * @param name     its declared name (artifactId, Gradle path, package name, module path), or its root when unnamed
 * @param kind     {@code maven}, {@code gradle}, {@code npm}, {@code go}, {@code swift} or {@code python}
 * @param root     its directory, relative, '/' separated, "" for the project root
 * @param manifest the file that declares it
 */
public record Module(String name, String kind, String root, String manifest) {
    public static final Comparator<Module> ORDER = Comparator.comparing(Module::root).thenComparing(Module::kind)
            .thenComparing(Module::name).thenComparing(Module::manifest);
}
