package dev.luna.codebase.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.luna.codebase.Codebase;
import dev.luna.codebase.EntryPoint;
import dev.luna.codebase.ProjectModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution rules the fixtures do not show: ESM .js → .ts, index files, package exports maps, Expo Router entry points. */
class JsResolutionTest {
    @TempDir
    Path root;

    private ProjectModel analyse(String... pathsAndSources) throws IOException {
        var files = new ArrayList<String>();
        for (int i = 0; i < pathsAndSources.length; i += 2) {
            var file = root.resolve(pathsAndSources[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pathsAndSources[i + 1]);
            files.add(pathsAndSources[i]);
        }
        return new Codebase().analyse(root, files, () -> false);
    }

    @Test
    void esmJsSpecifiersFindTypeScriptIndexFilesAndExportsMaps() throws IOException {
        var model = analyse(
                "package.json", "{\"name\":\"mobile\",\"dependencies\":{\"expo-router\":\"~3.5.0\",\"@acme/ui\":\"*\",\"lodash\":\"4.17.21\"}}",
                "libs/ui/package.json", "{\"name\":\"@acme/ui\",\"exports\":{\".\":{\"import\":\"./src/main.ts\"},\"./button\":\"./src/button.ts\"}}",
                "libs/ui/src/main.ts", "export const x = 1;",
                "libs/ui/src/button.ts", "export const b = 1;",
                "src/util/index.ts", "export const u = 1;",
                "src/a.ts", """
                        import { u } from './util';
                        import { helper } from './helper.js';
                        import { x } from '@acme/ui';
                        import { b } from '@acme/ui/button';
                        import map from 'lodash/map';
                        import fs from 'node:fs';
                        import path from 'path';
                        export { helper };
                        """,
                "src/helper.ts", "export function helper() {}",
                "app/_layout.tsx", "export default function Layout() { return null; }",
                "app/(tabs)/index.tsx", "export default function Home() { return null; }");
        assertThat(model.imports()).filteredOn(i -> i.from().equals("src/a.ts"))
                .extracting(ImportEdge::specifier, ImportEdge::target, ImportEdge::external).containsExactly(
                        tuple("./util", "src/util/index.ts", null), tuple("./helper.js", "src/helper.ts", null),
                        tuple("@acme/ui", "libs/ui/src/main.ts", null), tuple("@acme/ui/button", "libs/ui/src/button.ts", null),
                        tuple("lodash/map", null, "lodash"), tuple("node:fs", null, "node:fs"), tuple("path", null, "node:path"));
        assertThat(model.entryPoints()).extracting(EntryPoint::kind, EntryPoint::symbol).contains(
                tuple("expo-route", "app/_layout.tsx"), tuple("expo-route", "app/(tabs)/index.tsx"));
        assertThat(model.frameworks()).extracting(f -> f.name()).contains("Expo Router");
    }
}
