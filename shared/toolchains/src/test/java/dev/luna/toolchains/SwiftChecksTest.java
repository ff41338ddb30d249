package dev.luna.toolchains;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Swift checks pass a small valid project and name a syntax error, a HIG violation and a broken project.yml. */
class SwiftChecksTest {
    @TempDir
    Path dir;

    @Test
    void acceptsAValidProjectAndNamesWhatIsWrongWithABrokenOne() throws Exception {
        var good = dir.resolve("good");
        Files.createDirectories(good.resolve("App"));
        Files.writeString(good.resolve("App/ContentView.swift"), """
                import SwiftUI

                struct ContentView: View {
                    var body: some View {
                        Button("Save") { }
                            .font(.headline)
                            .frame(minWidth: 44, minHeight: 44)
                    }
                }
                """);
        Files.writeString(good.resolve("project.yml"), """
                name: Good
                targets:
                  Good:
                    type: application
                    platform: iOS
                    sources: [App]
                """);
        assertThat(SwiftChecks.project(good)).isEmpty();

        var bad = dir.resolve("bad");
        Files.createDirectories(bad.resolve("App"));
        Files.writeString(bad.resolve("App/ContentView.swift"), """
                import SwiftUI

                struct ContentView: View {
                    var body: some View {
                        Button(action: {}) { Image(systemName: "plus") }
                            .font(.system(size: 12))
                    }
                }
                struct Broken {
                    func f( {
                }
                """);
        Files.writeString(bad.resolve("project.yml"), """
                name: Bad
                targets:
                  Bad:
                    type: app
                    platform: iPhoneOS
                    sources: [Missing]
                """);
        var problems = SwiftChecks.project(bad);
        assertThat(problems).anyMatch(p -> p.startsWith("App/ContentView.swift:5: hig-icon-label"))
                .anyMatch(p -> p.startsWith("App/ContentView.swift:6: hig-font-size"))
                .anyMatch(p -> p.startsWith("App/ContentView.swift:1") && p.contains("syntax error") || p.contains("missing"))
                .anyMatch(p -> p.contains("type 'app' is not an XcodeGen product type"))
                .anyMatch(p -> p.contains("no valid platform"))
                .anyMatch(p -> p.contains("sources 'Missing' do not exist"));
        assertThat(SwiftChecks.lint(List.of(bad.resolve("App/ContentView.swift")))).anyMatch(f -> f.endsWith("ContentView.swift:6: hig-font-size"));
    }
}
