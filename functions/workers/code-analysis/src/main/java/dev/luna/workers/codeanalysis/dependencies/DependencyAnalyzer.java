package dev.luna.workers.codeanalysis.dependencies;

import dev.luna.codebase.manifest.Dependency;
import dev.luna.codebase.manifest.Manifest;
import dev.luna.codebase.secrets.SecretScanner;
import dev.luna.workers.codeanalysis.findings.AnalyzerResult;
import dev.luna.workers.codeanalysis.findings.Finding;
import dev.luna.workers.codeanalysis.findings.Region;
import dev.luna.workers.codeanalysis.findings.RuleInfo;
import dev.luna.workers.codeanalysis.findings.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * The {@code dependencies} analysis over the project's parsed manifests (it reads no file itself): the inventory for
 * the SBOM, and findings for versions that are not pinned (ranges, wildcards, {@code latest}, snapshots, URLs
 * without a commit; a lockfile entry in the manifest's folder or an ancestor counts as a pin), versions that are
 * missing or come from an unresolved property, a package declared twice in one manifest, and one package declared
 * with different versions across manifests. No advisory database is reachable offline, so the known-vulnerability
 * lookup is reported in {@link DependencyResult#notApplied}.
 */
public final class DependencyAnalyzer {
    public static final String NAME = "dependencies";
    private final SecretScanner secrets;

    /** @param secrets masks credentials inside declared versions (a git URL with a token) before anything is reported */
    public DependencyAnalyzer(SecretScanner secrets) {
        this.secrets = secrets;
    }

    public static final String NO_ADVISORIES = "known-vulnerability lookup: no advisory source configured";
    static final String UNPINNED = "dep-unpinned-version";
    static final String MISSING = "dep-missing-version";
    static final String DUPLICATE = "dep-duplicate";
    static final String CONFLICT = "dep-version-conflict";

    public String name() {
        return NAME;
    }

    private static boolean coreGradlePlugin(Manifest m, Dependency d) {
        return m.kind().startsWith("build.gradle") && "build".equals(d.scope()) && !d.name().contains(".") && !d.name().contains(":");
    }

    public List<RuleInfo> rules() {
        var refs = List.of("https://docs.npmjs.com/cli/v10/configuring-npm/package-lock-json",
                "https://maven.apache.org/pom.html#dependency-version-requirement-specification");
        return List.of(
                new RuleInfo(CONFLICT, "ConflictingDependencyVersions", NAME, "One package is declared with different versions across manifests.",
                        "Modules of one project that declare different versions of the same package end up with whichever version the build "
                                + "resolves; align them in one place (a BOM, dependencyManagement, a version catalog or a workspace root).",
                        Severity.LOW, null, "high", List.of(), refs, "0.1.0"),
                new RuleInfo(DUPLICATE, "DuplicateDependency", NAME, "A package is declared twice in one manifest.",
                        "A second declaration of the same package in one manifest is redundant at best and silently wins or loses at worst; "
                                + "keep one.", Severity.LOW, null, "very-high", List.of(), refs, "0.1.0"),
                new RuleInfo(MISSING, "MissingDependencyVersion", NAME, "A dependency has no version, or one from an unresolved property.",
                        "Without a version in the repository the build takes whatever a parent, plugin or registry supplies at build time; "
                                + "declare it, or manage it in the project.", Severity.LOW, null, "medium", List.of(), refs, "0.1.0"),
                new RuleInfo(UNPINNED, "UnpinnedDependencyVersion", NAME, "A dependency's version is a range, a wildcard or 'latest', with no lockfile pin.",
                        "Unpinned versions make builds unreproducible and let a compromised or broken release in unnoticed; pin exact versions "
                                + "or commit a lockfile.", Severity.MEDIUM, null, "high", List.of(), refs, "0.1.0"));
    }

    public DependencyResult analyze(List<Manifest> manifests, BooleanSupplier stop) {
        var sorted = manifests.stream().sorted(Comparator.comparing(Manifest::path)).map(this::masked).toList();
        var inventory = new Inventory(sorted);
        var findings = new ArrayList<Finding>();
        boolean complete = true;
        Map<String, TreeMap<String, List<Located>>> versionsByPackage = new TreeMap<>();
        int direct = 0;
        for (Manifest m : sorted) {
            if (stop != null && stop.getAsBoolean()) {
                complete = false;
                break;
            }
            if (Inventory.isLockfile(m)) continue;
            var seen = new HashMap<String, Dependency>();
            for (Dependency d : m.dependencies()) {
                direct++;
                VersionKind kind = VersionKind.of(d.ecosystem(), d.version());
                Dependency first = seen.putIfAbsent(Inventory.key(d), d);
                if (first != null) {
                    findings.add(finding(DUPLICATE, Severity.LOW, m, d, "'" + d.name() + "' is declared again (first at line " + first.line() + ")"));
                }
                if (kind == VersionKind.LOCAL) continue;
                String locked = d.pinned() || kind.pinned() ? null : inventory.lockedVersion(m, d);
                if (kind == VersionKind.MISSING || kind == VersionKind.UNRESOLVED) {
                    // a parent, BOM or platform outside the repository states it (Spring Boot's parent, a Gradle platform),
                    // and Gradle's core plugins ("java", "checkstyle") ship with Gradle: neither is a missing version
                    if (locked == null && m.managedBy().isEmpty() && !coreGradlePlugin(m, d)) {
                        findings.add(finding(MISSING, Severity.LOW, m, d, "'" + d.name() + "' has " + kind.words
                                + (d.version() == null ? "" : " (" + d.version() + ")") + " in the repository"));
                    }
                } else if (!d.pinned() && !kind.pinned() && locked == null) {
                    boolean devOnly = d.scope().equals("dev") || d.scope().equals("build");
                    findings.add(finding(UNPINNED, devOnly ? Severity.LOW : Severity.MEDIUM, m, d, "'" + d.name() + "' is declared as '"
                            + d.version() + "' (" + kind.words + ") and no lockfile pins it"));
                }
                String exact = d.pinned() || kind.pinned() ? d.version() : locked;
                if (exact != null) {
                    versionsByPackage.computeIfAbsent(Inventory.key(d), k -> new TreeMap<>())
                            .computeIfAbsent(exact, v -> new ArrayList<>()).add(new Located(m, d));
                }
            }
        }
        for (var versions : versionsByPackage.values()) {
            if (versions.size() < 2) continue;
            String all = String.join(", ", versions.entrySet().stream().map(e -> e.getKey() + " ("
                    + String.join(", ", new TreeSet<>(e.getValue().stream().map(l -> l.manifest().path()).toList())) + ")").toList());
            for (var located : versions.values()) {
                for (Located l : located) {
                    findings.add(finding(CONFLICT, Severity.LOW, l.manifest(), l.dependency(), "'" + l.dependency().name()
                            + "' is declared with different versions across manifests: " + all));
                }
            }
        }
        var components = inventory.components(sorted);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("manifests", sorted.size());
        stats.put("declarations", direct);
        stats.put("components", components.size());
        stats.put("pinnedComponents", components.stream().filter(Component::pinned).count());
        stats.put("ecosystems", components.stream().map(Component::ecosystem).distinct().sorted().toList());
        stats.put("notApplied", List.of(NO_ADVISORIES));
        var skipped = sorted.stream().filter(m -> !m.problems().isEmpty())
                .map(m -> new AnalyzerResult.Skipped(m.path(), "partly unreadable: " + String.join("; ", m.problems()))).toList();
        return new DependencyResult(new AnalyzerResult(fingerprinted(findings), skipped, stats, complete), components, List.of(NO_ADVISORIES));
    }

    /** The manifest with every declared version's credentials masked. */
    private Manifest masked(Manifest m) {
        boolean changed = false;
        var deps = new ArrayList<Dependency>(m.dependencies().size());
        for (Dependency d : m.dependencies()) {
            String v = d.version() == null ? null : secrets.mask(m.path(), d.version());
            if (v != null && !v.equals(d.version())) {
                changed = true;
                d = new Dependency(d.ecosystem(), d.name(), v, d.pinned(), d.scope(), d.manifest(), d.line(), d.direct());
            }
            deps.add(d);
        }
        return changed ? new Manifest(m.path(), m.kind(), m.name(), m.version(), deps, m.problems()) : m;
    }

    private record Located(Manifest manifest, Dependency dependency) {
    }

    private static Finding finding(String rule, Severity severity, Manifest m, Dependency d, String message) {
        String snippet = d.name() + (d.version() == null ? "" : " " + d.version());
        if (snippet.length() > 200) snippet = snippet.substring(0, 200);
        return new Finding(rule, NAME, severity, message, m.path(), Region.line(Math.max(1, d.line())), snippet, List.of(), List.of(), null, null);
    }

    private static List<Finding> fingerprinted(List<Finding> findings) {
        var sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing(Finding::file).thenComparingInt(f -> f.region().startLine()).thenComparing(Finding::ruleId)
                .thenComparing(Finding::message));
        var seen = new HashMap<String, Integer>();
        var out = new ArrayList<Finding>();
        for (Finding f : sorted) {
            int occurrence = seen.merge(f.ruleId() + "\u0000" + f.file() + "\u0000" + f.snippet(), 1, Integer::sum) - 1;
            out.add(new Finding(f.ruleId(), f.analyzer(), f.severity(), f.message(), f.file(), f.region(), f.snippet(), f.trace(), f.cwe(),
                    Finding.fingerprint(f.ruleId(), f.file(), f.snippet(), occurrence), f.commit()));
        }
        return out;
    }
}
