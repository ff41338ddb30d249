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
 * @param managedBy    where versions it leaves out come from outside the repository: a Maven parent or imported BOM not
 *                     in the repository ({@code parent org.springframework.boot:spring-boot-starter-parent:3.5.0}), a
 *                     Gradle platform or dependency-management plugin; empty when every version is stated in the repository
 */
public record Manifest(String path, String kind, String name, String version, List<Dependency> dependencies, List<String> problems,
                       List<String> managedBy) {
    public Manifest {
        dependencies = List.copyOf(dependencies);
        problems = List.copyOf(problems);
        managedBy = managedBy == null ? List.of() : List.copyOf(managedBy);
    }

    public Manifest(String path, String kind, String name, String version, List<Dependency> dependencies, List<String> problems) {
        this(path, kind, name, version, dependencies, problems, List.of());
    }
}
