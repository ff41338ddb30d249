package dev.luna.codebase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.luna.codebase.imports.ImportEdge;
import dev.luna.codebase.lang.SourceFile;
import dev.luna.codebase.manifest.Dependency;
import dev.luna.codebase.manifest.Manifest;
import dev.luna.codebase.manifest.Module;
import org.junit.jupiter.api.Test;

class PolyglotTest {
    private static final ProjectModel MODEL = Fixtures.analyse("polyglot");

    private static Manifest manifest(String path) {
        return MODEL.manifests().stream().filter(m -> m.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void languagesFromExtensionsShebangsAndHeaderContent() {
        assertThat(MODEL.files()).extracting(SourceFile::path, SourceFile::language).contains(
                tuple("native/vec.h", "C++"), tuple("native/list.h", "C"), tuple("bin/deploy", "Python"), tuple("svc/main.go", "Go"),
                tuple("ios/Sources/App/NotesApp.swift", "Swift"));
        assertThat(MODEL.languages()).extracting(l -> l.language()).isSorted();
    }

    @Test
    void goModulesImportsAndMains() {
        assertThat(manifest("svc/go.mod").dependencies()).extracting(Dependency::name, Dependency::version, Dependency::direct).containsExactly(
                tuple("github.com/gin-gonic/gin", "v1.9.1", true), tuple("github.com/google/uuid", "v1.6.0", true),
                tuple("golang.org/x/sync", "v0.7.0", false));
        assertThat(MODEL.imports()).extracting(ImportEdge::specifier, ImportEdge::target, ImportEdge::external).contains(
                tuple("example.com/svc/internal/store", "svc/internal/store", null), tuple("fmt", null, "std:fmt"),
                tuple("github.com/gin-gonic/gin", null, "github.com/gin-gonic/gin"));
        assertThat(MODEL.entryPoints()).extracting(EntryPoint::kind, EntryPoint::symbol)
                .contains(tuple("go-main", "svc/main.go"), tuple("swift-main", "ios/Sources/App/NotesApp.swift"));
    }

    @Test
    void swiftPackagesAndResolvedPins() {
        assertThat(manifest("ios/Package.swift").dependencies()).extracting(Dependency::name, Dependency::version, Dependency::pinned)
                .containsExactly(tuple("https://github.com/apple/swift-collections", "1.1.0", true),
                        tuple("https://github.com/onevcat/Kingfisher", "7.0.0..<8.0.0", false),
                        tuple("https://github.com/pointfreeco/swift-composable-architecture.git", ">=1.10.0", false));
        assertThat(manifest("ios/Package.resolved").dependencies()).extracting(Dependency::version, Dependency::direct)
                .containsExactly(tuple("1.1.0", true), tuple("510.0.2", false));
    }

    @Test
    void pnpmAndYarnBerryLockfilesAndSetupCfg() {
        assertThat(manifest("web/pnpm-lock.yaml").dependencies()).extracting(Dependency::name, Dependency::version, Dependency::scope,
                Dependency::direct).containsExactly(tuple("@esbuild/linux-x64", "0.20.2", "runtime", false),
                tuple("react", "18.3.1", "runtime", true), tuple("vite", "5.2.11", "dev", true));
        assertThat(manifest("web/yarn.lock").dependencies()).extracting(Dependency::name, Dependency::version).containsExactly(tuple("react", "18.3.1"));
        assertThat(manifest("setup.cfg").dependencies()).extracting(Dependency::name, Dependency::version)
                .containsExactly(tuple("click", ">=8.1"), tuple("rich", "13.7.1"));
        assertThat(MODEL.modules()).extracting(Module::kind, Module::root).containsExactly(tuple("swift", "ios"), tuple("go", "svc"), tuple("npm", "web"));
        assertThat(MODEL.frameworks()).extracting(f -> f.name()).contains("Gin", "Go net/http", "SwiftUI", "pnpm", "Swift Package Manager");
    }
}
