package dev.luna.workers.codeanalysis.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.codebase.manifest.Manifest;
import dev.luna.workers.codeanalysis.findings.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class DependencyAnalyzerTest {
    private final DependencyAnalyzer analyzer = new DependencyAnalyzer(new dev.luna.codebase.secrets.SecretScanner());

    @Test
    void flagsUnpinnedMissingDuplicateAndConflictingVersions() {
        DependencyResult r = analyzer.analyze(SampleManifests.project(), () -> false);

        assertThat(r.result().findings()).extracting(f -> f.ruleId() + " " + f.file() + ":" + f.region().startLine() + " " + f.severity())
                .containsExactly(
                        "dep-version-conflict api/pom.xml:20 LOW",
                        "dep-missing-version api/pom.xml:25 LOW",
                        "dep-duplicate api/pom.xml:35 LOW",
                        "dep-version-conflict core/pom.xml:18 LOW",
                        "dep-unpinned-version core/pom.xml:22 MEDIUM",
                        "dep-unpinned-version requirements.txt:2 MEDIUM",
                        "dep-missing-version requirements.txt:3 LOW",
                        "dep-unpinned-version web/package.json:7 MEDIUM",
                        "dep-unpinned-version web/package.json:8 MEDIUM",
                        "dep-unpinned-version web/package.json:12 LOW");
        Finding conflict = r.result().findings().get(0);
        assertThat(conflict.message()).isEqualTo("'com.fasterxml.jackson.core:jackson-databind' is declared with different versions across "
                + "manifests: 2.15.0 (core/pom.xml), 2.17.1 (api/pom.xml)");
        assertThat(r.result().findings().get(7).message()).isEqualTo("'react' is declared as 'latest' ('latest') and no lockfile pins it");
        assertThat(r.notApplied()).containsExactly("known-vulnerability lookup: no advisory source configured");
        assertThat(r.result().skipped()).singleElement().satisfies(s -> assertThat(s.file()).isEqualTo("requirements.txt"));
    }

    @Test
    void aLockfilePinCountsAndTheInventoryHasCorrectPurls() {
        DependencyResult r = analyzer.analyze(SampleManifests.project(), () -> false);

        assertThat(r.result().findings()).noneMatch(f -> f.snippet().startsWith("lodash"));
        assertThat(r.components()).extracting(Component::purl).containsExactly(
                "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.15.0",
                "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.17.1",
                "pkg:maven/junit/junit@4.13.2",
                "pkg:maven/org.example/lib",
                "pkg:maven/org.slf4j/slf4j-api",
                "pkg:npm/%40types/node",
                "pkg:npm/js-tokens@4.0.0",
                "pkg:npm/left-pad",
                "pkg:npm/lodash@4.17.21",
                "pkg:npm/react",
                "pkg:pypi/django-rest-framework@3.15.1",
                "pkg:pypi/requests",
                "pkg:pypi/rich");
        Component lodash = r.components().stream().filter(c -> c.name().equals("lodash")).findFirst().orElseThrow();
        assertThat(lodash).extracting(Component::version, Component::pinned, Component::direct, Component::declared, Component::manifests)
                .containsExactly("4.17.21", true, true, List.of("^4.17.0"), List.of("package-lock.json", "web/package.json"));
        Component tokens = r.components().stream().filter(c -> c.name().equals("js-tokens")).findFirst().orElseThrow();
        assertThat(tokens.direct()).isFalse();
    }

    @Test
    void credentialsInDeclaredVersionsAreMaskedEverywhere() {
        String token = "ghp_" + "Zq8Rk2Lm4Np6Ts9Vw1Xy3Ab5Cd7Ef0GhIjKL";
        var pkg = new Manifest("package.json", "package.json", "app", "1.0.0", List.of(new dev.luna.codebase.manifest.Dependency("npm",
                "private-lib", "git+https://x-access-token:" + token + "@github.com/acme/lib.git", false, "runtime", "package.json", 5, true)),
                List.of());

        DependencyResult r = analyzer.analyze(List.of(pkg), () -> false);

        assertThat(r.result().findings()).singleElement().satisfies(f -> {
            assertThat(f.toString()).doesNotContain(token).contains("ghp_****");
        });
        assertThat(r.components().toString()).doesNotContain(token);
    }

    @Test
    void versionsAParentOrPlatformOutsideTheRepositoryStatesAreNotMissing() {
        var spring = new dev.luna.codebase.manifest.Dependency("maven", "org.springframework.boot:spring-boot-starter-web", null, false, "runtime",
                "pom.xml", 5, true);
        var managed = new Manifest("pom.xml", "pom.xml", "shop", "1.0", List.of(spring), List.of(),
                List.of("parent org.springframework.boot:spring-boot-starter-parent:3.5.0"));
        var javaPlugin = new dev.luna.codebase.manifest.Dependency("maven", "java", null, false, "build", "lib/build.gradle", 1, true);
        var guava = new dev.luna.codebase.manifest.Dependency("maven", "com.google.guava:guava", null, false, "runtime", "lib/build.gradle", 3, true);
        var gradle = new Manifest("lib/build.gradle", "build.gradle", null, null, List.of(javaPlugin, guava), List.of());
        var findings = analyzer.analyze(List.of(managed, gradle), () -> false).result().findings();
        assertThat(findings).extracting(f -> f.ruleId() + " " + f.file() + ":" + f.region().startLine())
                .containsExactly("dep-missing-version lib/build.gradle:3");
    }

    @Test
    void purlsFollowTheSpec() {
        assertThat(Purls.of("golang", "github.com/gorilla/mux", "v1.8.0")).isEqualTo("pkg:golang/github.com/gorilla/mux@v1.8.0");
        assertThat(Purls.of("swift", "https://github.com/apple/swift-nio.git", "2.65.0")).isEqualTo("pkg:swift/github.com/apple/swift-nio@2.65.0");
        assertThat(Purls.of("gradle", "org.jetbrains.kotlin:kotlin-stdlib", "2.0.0")).isEqualTo("pkg:maven/org.jetbrains.kotlin/kotlin-stdlib@2.0.0");
        assertThat(Purls.of("npm", "@angular/core", "17.0.0+build.1")).isEqualTo("pkg:npm/%40angular/core@17.0.0%2Bbuild.1");
    }

    @Test
    void versionKindsPerEcosystem() {
        assertThat(VersionKind.of("npm", "1.2.3")).isEqualTo(VersionKind.EXACT);
        assertThat(VersionKind.of("npm", "~1.2.3")).isEqualTo(VersionKind.RANGE);
        assertThat(VersionKind.of("npm", "1.x")).isEqualTo(VersionKind.WILDCARD);
        assertThat(VersionKind.of("npm", "git+https://github.com/a/b.git#0a1b2c3d")).isEqualTo(VersionKind.EXACT);
        assertThat(VersionKind.of("npm", "github:a/b")).isEqualTo(VersionKind.URL);
        assertThat(VersionKind.of("maven", "1.0-SNAPSHOT")).isEqualTo(VersionKind.SNAPSHOT);
        assertThat(VersionKind.of("gradle", "1.+")).isEqualTo(VersionKind.WILDCARD);
        assertThat(VersionKind.of("maven", "LATEST")).isEqualTo(VersionKind.LATEST);
        assertThat(VersionKind.of("pypi", "~=2.1")).isEqualTo(VersionKind.RANGE);
        assertThat(VersionKind.of("pypi", "==2.*")).isEqualTo(VersionKind.WILDCARD);
        assertThat(VersionKind.of("golang", "v0.0.0-20240101000000-abcdef123456")).isEqualTo(VersionKind.EXACT);
    }
}
