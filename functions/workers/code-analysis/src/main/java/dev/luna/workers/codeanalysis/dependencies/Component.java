package dev.luna.workers.codeanalysis.dependencies;

import java.util.List;

/**
 * One package of the project's inventory (a CycloneDX component): every declaration of the same package and version
 * across manifests and lockfiles, merged.
 *
 * @param version   the exact version (declared exactly, or pinned by a lockfile), or null when only a constraint is known
 * @param declared  the constraints as written in the manifests, sorted (empty when only a lockfile lists it)
 * @param scope     the widest scope it is declared with: {@code runtime} &gt; {@code provided} &gt; {@code optional} &gt;
 *                  {@code build} &gt; {@code dev}
 * @param direct    declared by a manifest (not only a lockfile's transitive entry)
 * @param manifests the files that declare it, sorted
 * @param purl      its package URL (without a version when none is exact)
 */
public record Component(String ecosystem, String name, String version, List<String> declared, boolean pinned, String scope, boolean direct,
                        List<String> manifests, String purl) {
    public Component {
        declared = List.copyOf(declared);
        manifests = List.copyOf(manifests);
    }
}
