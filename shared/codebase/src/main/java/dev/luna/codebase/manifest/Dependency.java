package dev.luna.codebase.manifest;

import java.util.Objects;

/**
 * One dependency a manifest or lockfile declares, as found in the source (never resolved over the network).
 *
 * @param ecosystem  {@code maven}, {@code gradle} (reported as maven coordinates), {@code npm}, {@code pypi},
 *                   {@code golang} or {@code swift}: the purl type family
 * @param name       the package name as its ecosystem spells it: {@code group:artifact} for Maven/Gradle, the npm
 *                   name (with scope), the PyPI name, the Go module path, the Swift package URL or identity
 * @param version    the exact version when the manifest pins one ({@code 1.2.3}), else the declared constraint as
 *                   written ({@code ^1.2}, {@code >=2,<3}, {@code [1.0,2.0)}, {@code ${jackson.version}} when a
 *                   property could not be resolved), or null when none is declared
 * @param pinned     whether {@code version} names exactly one release (a lockfile entry, or an exact manifest version)
 * @param scope      {@code runtime}, {@code dev} (npm devDependencies, Maven test, Gradle test*), {@code optional},
 *                   {@code provided} or {@code build} (plugins, build tools)
 * @param manifest   the file that declares it, relative to the project root, '/' separated
 * @param line       1-based line of the declaration in that file, or 0 when unknown
 * @param direct     false for entries that only a lockfile lists (transitive dependencies)
 */
public record Dependency(String ecosystem, String name, String version, boolean pinned, String scope, String manifest, int line,
                         boolean direct) {
    public Dependency {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(manifest, "manifest");
        scope = scope == null ? "runtime" : scope;
    }
}
