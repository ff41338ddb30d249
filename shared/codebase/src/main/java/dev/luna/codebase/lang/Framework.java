package dev.luna.codebase.lang;

import java.util.List;

/**
 * A detected framework, build system or package manager.
 *
 * @param name     {@code Spring Boot}, {@code Express}, {@code Maven}, {@code pnpm}…
 * @param category {@code framework}, {@code build} or {@code package-manager}
 * @param evidence why, sorted by kind, file, line, detail; at most a few entries per kind
 */
public record Framework(String name, String category, List<Evidence> evidence) {
    public Framework {
        evidence = List.copyOf(evidence);
    }
}
