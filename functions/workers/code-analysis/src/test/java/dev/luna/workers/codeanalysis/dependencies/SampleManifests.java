package dev.luna.workers.codeanalysis.dependencies;

import dev.luna.codebase.manifest.Dependency;
import dev.luna.codebase.manifest.Manifest;
import java.util.List;

/** A hand-built multi-ecosystem project (what shared/codebase would parse): npm with a root lockfile, two Maven modules, pip. */
public final class SampleManifests {
    private SampleManifests() {
    }

    private static Dependency dep(String eco, String name, String version, boolean pinned, String scope, String manifest, int line) {
        return new Dependency(eco, name, version, pinned, scope, manifest, line, true);
    }

    public static List<Manifest> project() {
        var web = new Manifest("web/package.json", "package.json", "web", "1.0.0", List.of(
                dep("npm", "@types/node", "^20.1.0", false, "dev", "web/package.json", 12),
                dep("npm", "left-pad", "*", false, "runtime", "web/package.json", 8),
                dep("npm", "lodash", "^4.17.0", false, "runtime", "web/package.json", 6),
                dep("npm", "react", "latest", false, "runtime", "web/package.json", 7),
                dep("npm", "shared", "workspace:*", false, "runtime", "web/package.json", 9)), List.of());
        var lock = new Manifest("package-lock.json", "package-lock.json", null, null, List.of(
                new Dependency("npm", "lodash", "4.17.21", true, "runtime", "package-lock.json", 40, false),
                new Dependency("npm", "js-tokens", "4.0.0", true, "runtime", "package-lock.json", 30, false)), List.of());
        var api = new Manifest("api/pom.xml", "pom.xml", "api", "1.0", List.of(
                dep("maven", "com.fasterxml.jackson.core:jackson-databind", "2.17.1", true, "runtime", "api/pom.xml", 20),
                dep("maven", "junit:junit", "4.13.2", true, "dev", "api/pom.xml", 30),
                dep("maven", "junit:junit", "4.13.2", true, "dev", "api/pom.xml", 35),
                dep("maven", "org.slf4j:slf4j-api", "${slf4j.version}", false, "runtime", "api/pom.xml", 25)), List.of());
        var core = new Manifest("core/pom.xml", "pom.xml", "core", "1.0", List.of(
                dep("maven", "com.fasterxml.jackson.core:jackson-databind", "2.15.0", true, "runtime", "core/pom.xml", 18),
                dep("maven", "org.example:lib", "[1.0,2.0)", false, "runtime", "core/pom.xml", 22)), List.of());
        var py = new Manifest("requirements.txt", "requirements.txt", null, null, List.of(
                dep("pypi", "Django_Rest.Framework", "==3.15.1", true, "runtime", "requirements.txt", 1),
                dep("pypi", "requests", ">=2.0", false, "runtime", "requirements.txt", 2),
                dep("pypi", "rich", null, false, "runtime", "requirements.txt", 3)), List.of("line 4: unreadable marker"));
        return List.of(web, lock, api, core, py);
    }
}
