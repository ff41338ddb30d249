package dev.luna.workers.projectorganization.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.luna.workers.projectorganization.Confidence;
import dev.luna.workers.projectorganization.git.IgnoreRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rule tables agree with each other, with the templates and with the code that names them. */
class RulesTest {
    private final Stacks stacks = new Stacks();

    @Test
    void everyGitignoreTemplateRuleHasAProbeThatItAloneIgnores() {
        for (var stack : stacks.all()) {
            var rules = stacks.template(stack.id()).lines().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("!")).toList();
            assertThat(rules).as(stack.id()).isNotEmpty();
            var probes = stacks.probes(stack.id());
            assertThat(probes).extracting(Stacks.Probe::rule).as(stack.id()).containsExactlyInAnyOrderElementsOf(rules);
            for (var p : probes) {
                assertThat(new IgnoreRules(Map.of("", p.rule() + "\n")).ignored(p.path())).as(p.rule() + " ignores " + p.path()).isTrue();
                assertThat(new IgnoreRules(Map.of("", "unrelated/\n")).ignored(p.path())).isFalse();
            }
        }
    }

    @Test
    void everyKindTheCodeNamesIsInTheCatalogAndTheCatalogHasNoOrphans() throws IOException {
        var kinds = new Kinds();
        var named = new HashSet<String>();
        var literal = Pattern.compile("\"([a-z]+(?:-[a-z]+)+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (var f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                var m = literal.matcher(Files.readString(f));
                while (m.find()) named.add(m.group(1));
            }
        }
        for (var junk : new JunkRules().rules()) named.add(junk.kind());
        named.add("formatter-config-missing");
        named.add("linter-config-missing");
        for (var k : kinds.all()) assertThat(named).as("kind %s is used by the code", k.id()).contains(k.id());
        assertThatThrownBy(() -> kinds.kind("no-such-kind")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void junkRulesCatchOuterFoldersFirstAndHonourRequirementsAndTheKeepList() {
        var junk = new JunkRules();
        var tree = List.of("pom.xml", "web/package.json", "gradle/wrapper/gradle-wrapper.jar", "docs/build/index.html");
        var m = junk.match("web/node_modules/x/build/out.js", tree::contains);
        assertThat(m.unit()).isEqualTo("web/node_modules");
        assertThat(m.rule().kind()).isEqualTo("tracked-dependency-folder");
        assertThat(junk.match("target/classes/A.class", tree::contains).unit()).isEqualTo("target");
        assertThat(junk.match("docs/build/index.html", tree::contains)).as("a build/ folder without a Gradle file beside it").isNull();
        assertThat(junk.match("gradle/wrapper/gradle-wrapper.jar", tree::contains)).isNull();
        assertThat(junk.match(".env.example", tree::contains)).isNull();
        assertThat(junk.match("config/.env", tree::contains).rule().confidence()).isEqualTo(Confidence.HIGH);
        assertThat(junk.match("src/Main.java", tree::contains)).isNull();
    }

    @Test
    void templatesRefuseMissingAndUnknownSlots() {
        assertThatThrownBy(() -> Templates.render("ruff.toml", Map.of())).hasMessageContaining("indentWidth");
        assertThatThrownBy(() -> Templates.render("ruff.toml", Map.of("indentWidth", "4", "extra", "x"))).hasMessageContaining("extra");
        assertThat(Templates.render("ruff.toml", Map.of("indentWidth", "4"))).contains("indent-width = 4").doesNotContain("{{");
    }
}
