package dev.luna.workers.codeanalysis.dependencies;

import dev.luna.codebase.manifest.Dependency;
import dev.luna.codebase.manifest.Manifest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Lockfile pins and the merged component list. */
final class Inventory {
    static final Set<String> LOCKFILES = Set.of("package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock",
            "poetry.lock", "Pipfile.lock", "uv.lock", "pdm.lock", "Package.resolved", "gradle.lockfile", "go.sum", "Cargo.lock",
            "composer.lock", "Gemfile.lock");
    private static final List<String> SCOPE_ORDER = List.of("runtime", "provided", "optional", "build", "dev");

    private final Map<String, List<Pin>> pins = new HashMap<>();

    record Pin(String dir, String version) {
    }

    Inventory(List<Manifest> manifests) {
        for (Manifest m : manifests) {
            if (!isLockfile(m)) continue;
            for (Dependency d : m.dependencies()) {
                if (d.pinned() && d.version() != null) {
                    pins.computeIfAbsent(key(d), k -> new ArrayList<>()).add(new Pin(dir(m.path()), d.version()));
                }
            }
        }
    }

    static boolean isLockfile(Manifest m) {
        return LOCKFILES.contains(m.kind()) || LOCKFILES.contains(fileName(m.path()));
    }

    /** The version a lockfile in the manifest's folder or an ancestor pins for {@code d}, nearest first, or null. */
    String lockedVersion(Manifest m, Dependency d) {
        List<Pin> candidates = pins.get(key(d));
        if (candidates == null) return null;
        String dir = dir(m.path());
        Pin best = null;
        for (Pin p : candidates) {
            boolean encloses = p.dir().isEmpty() || dir.equals(p.dir()) || dir.startsWith(p.dir() + "/");
            if (encloses && (best == null || p.dir().length() > best.dir().length()
                    || p.dir().length() == best.dir().length() && p.version().compareTo(best.version()) < 0)) {
                best = p;
            }
        }
        return best == null ? null : best.version();
    }

    List<Component> components(List<Manifest> manifests) {
        Map<String, Acc> byPurl = new LinkedHashMap<>();
        for (Manifest m : manifests) {
            boolean lock = isLockfile(m);
            for (Dependency d : m.dependencies()) {
                VersionKind kind = VersionKind.of(d.ecosystem(), d.version());
                String exact = d.pinned() || kind.pinned() ? d.version() : lock ? null : lockedVersion(m, d);
                if (kind == VersionKind.LOCAL) continue;
                String purl = Purls.of(d.ecosystem(), d.name(), exact);
                Acc acc = byPurl.computeIfAbsent(purl, p -> new Acc(d.ecosystem(), d.name(), exact, p));
                if (!lock && d.version() != null) acc.declared.add(d.version());
                acc.manifests.add(m.path());
                acc.direct |= d.direct() && !lock;
                if (SCOPE_ORDER.indexOf(d.scope()) >= 0 && (acc.scope == null
                        || SCOPE_ORDER.indexOf(d.scope()) < SCOPE_ORDER.indexOf(acc.scope))) acc.scope = d.scope();
            }
        }
        return byPurl.values().stream().map(a -> new Component(a.ecosystem, a.name, a.version, List.copyOf(a.declared), a.version != null,
                a.scope == null ? "runtime" : a.scope, a.direct, List.copyOf(a.manifests), a.purl))
                .sorted(Comparator.comparing(Component::purl)).toList();
    }

    private static final class Acc {
        final String ecosystem;
        final String name;
        final String version;
        final String purl;
        final TreeSet<String> declared = new TreeSet<>();
        final TreeSet<String> manifests = new TreeSet<>();
        boolean direct;
        String scope;

        Acc(String ecosystem, String name, String version, String purl) {
            this.ecosystem = ecosystem;
            this.name = name;
            this.version = version;
            this.purl = purl;
        }
    }

    static String key(Dependency d) {
        String eco = d.ecosystem().equals("gradle") ? "maven" : d.ecosystem();
        String name = eco.equals("pypi") ? d.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[-_.]+", "-") : d.name();
        return eco + "\u0000" + name;
    }

    static String dir(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
