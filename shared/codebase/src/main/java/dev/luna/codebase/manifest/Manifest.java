package dev.luna.codebase.manifest;

import java.util.List;

/**
 * One parsed manifest or lockfile.
 *
 * @param path         relative to the project root, '/' separated
 * @param kind         {@code pom.xml}, {@code build.gradle}, {@code build.gradle.kts}, {@code package.json},
 *                     {@code package-lock.json}, {@code yarn.lock}, {@code pnpm-lock.yaml}, {@code requirements.txt},
 *                     {@code pyproject.toml}, {@code go.mod}, {@code Package.swift}, …
 * @param name         the project or module name it declares (artifactId, package name…), or null
 * @param version      the version it declares for itself, or null
 * @param dependencies what it declares, sorted by ecosystem, name, then line
 * @param problems     why parts could not be read ("line 12: unterminated string"), empty when it parsed cleanly;
 *                     a malformed manifest is reported here, never thrown
 */
public record Manifest(String path, String kind, String name, String version, List<Dependency> dependencies, List<String> problems) {
    public Manifest {
        dependencies = List.copyOf(dependencies);
        problems = List.copyOf(problems);
    }
}
