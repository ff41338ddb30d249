package dev.luna.workers.codeanalysis.dependencies;

import java.util.Locale;
import java.util.regex.Pattern;

/** What a declared version says, read as text in its ecosystem's syntax (never resolved over the network). */
enum VersionKind {
    EXACT("an exact version"),
    RANGE("a version range"),
    WILDCARD("a wildcard"),
    LATEST("'latest'"),
    SNAPSHOT("a moving snapshot"),
    UNRESOLVED("an unresolved property"),
    MISSING("no version"),
    LOCAL("a local path or workspace reference"),
    URL("a URL or git reference without a commit");

    final String words;

    VersionKind(String words) {
        this.words = words;
    }

    private static final Pattern SEMVER = Pattern.compile("^[=v]?\\d+(\\.\\d+){0,3}([-+][0-9A-Za-z.+-]+)?$");
    private static final Pattern PEP440_EXACT = Pattern.compile("^===?\\s*[0-9][0-9A-Za-z.+!-]*$");
    private static final Pattern GIT_COMMIT = Pattern.compile("#[0-9a-f]{7,40}$");

    static VersionKind of(String ecosystem, String version) {
        if (version == null || version.isBlank()) return MISSING;
        String v = version.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        if (v.contains("${")) return UNRESOLVED;
        if (lower.equals("latest") || lower.equals("release") || lower.equals("next") || lower.startsWith("latest.")) return LATEST;
        if (v.equals("*") || lower.equals("x") || v.equals("+")) return WILDCARD;
        if (lower.startsWith("file:") || lower.startsWith("link:") || lower.startsWith("workspace:") || lower.startsWith("portal:")
                || v.startsWith("./") || v.startsWith("../")) return LOCAL;
        if (lower.contains("://") || lower.startsWith("git+") || lower.startsWith("github:") || lower.startsWith("git@")) {
            return GIT_COMMIT.matcher(lower).find() ? EXACT : URL;
        }
        if (lower.endsWith("-snapshot")) return SNAPSHOT;
        return switch (ecosystem) {
            case "pypi" -> PEP440_EXACT.matcher(v).matches() || SEMVER.matcher(v).matches() ? EXACT
                    : v.contains("*") ? WILDCARD : RANGE;
            case "maven", "gradle" -> v.startsWith("[") || v.startsWith("(") || v.contains(",") ? RANGE
                    : v.endsWith("+") ? WILDCARD : EXACT;
            default -> SEMVER.matcher(v).matches() ? EXACT : v.matches(".*(^|[.])[xX*](\\.|$).*") ? WILDCARD : RANGE;
        };
    }

    boolean pinned() {
        return this == EXACT;
    }
}
