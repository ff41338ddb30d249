package dev.luna.codebase.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.luna.codebase.Codebase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The behaviour detectors: line rules as data, configuration keys, file routes, README claims, Java annotations. */
class BehavioursTest {
    @TempDir
    Path tmp;

    @Test
    void everyLineRuleLoadsAndABadOneIsRefused() {
        var rules = LineRules.load().rules();
        assertThat(rules).hasSizeGreaterThan(25);
        assertThat(rules.stream().map(LineRules.Rule::id).distinct().count()).isEqualTo(rules.size());
        assertThatThrownBy(() -> LineRules.parse("id\tkind\tnowhere\t.\tx\n")).hasMessageContaining("bad scope");
        assertThatThrownBy(() -> LineRules.parse("id\tkind\tmain\t.\n")).hasMessageContaining("5 tab-separated columns");
    }

    @Test
    void yamlAndPropertiesKeysWithoutTheirValues() {
        var yaml = ConfigKeys.find("src/main/resources/application.yml", "shop:\n  page-size: 20\n  payments:\n    api-key: s3cr3t\n---\nserver:\n  port: 8080\n".split("\n"));
        assertThat(yaml).extracting(Behaviour::name).containsExactly("shop.page-size", "shop.payments.api-key", "server.port");
        assertThat(yaml).extracting(Behaviour::startLine).containsExactly(2, 4, 7);
        assertThat(yaml.toString()).doesNotContain("s3cr3t");
        var props = ConfigKeys.find("application.properties", "# comment\na.b=1\nc.d : 2\n".split("\n"));
        assertThat(props).extracting(Behaviour::name).containsExactly("a.b", "c.d");
        assertThat(ConfigKeys.wants("src/test/resources/application.yml")).isFalse();
    }

    @Test
    void fileRoutesAndReadmeClaims() {
        assertThat(FileRoutes.route("pages/owners/[id].tsx")).isEqualTo("/owners/{id}");
        assertThat(FileRoutes.route("src/app/(shop)/cart/page.tsx")).isEqualTo("/cart");
        assertThat(FileRoutes.route("app/index.tsx")).isEqualTo("/");
        assertThat(FileRoutes.route("app/docs/[...slug].tsx")).isEqualTo("/docs/{slug*}");
        var claims = ReadmeClaims.find("README.md", "# X\n## Features\n- Fast **search** of [owners](x)\n- ok\n## Build\n- mvn package now\n".split("\n"), s -> s);
        assertThat(claims).extracting(Behaviour::name).containsExactly("Fast search of owners");
    }

    @Test
    void javaAnnotationsAndLineRulesOnAProject() throws Exception {
        Files.createDirectories(tmp.resolve("src/main/java/a"));
        Files.writeString(tmp.resolve("src/main/java/a/Jobs.java"), """
                package a;

                public class Jobs {
                    @org.springframework.beans.factory.annotation.Value("${jobs.batch-size:10}")
                    private int batch;

                    @org.springframework.scheduling.annotation.Scheduled(fixedRate = 60000)
                    public void sweep() {
                        // TODO: pause at night
                    }

                    @org.springframework.kafka.annotation.KafkaListener(topics = "orders")
                    @org.springframework.security.access.annotation.Secured("ROLE_OPS")
                    public void onOrder(@jakarta.validation.constraints.NotNull String body) {
                    }
                }
                """);
        Files.writeString(tmp.resolve("cli.js"), "program.command('sync').action(run);\nconst t = process.env.SYNC_TIMEOUT;\n");
        var files = List.of("src/main/java/a/Jobs.java", "cli.js");
        var model = new Codebase().analyse(tmp, files, () -> false);
        var found = new Behaviours().find(tmp, model, s -> s, () -> false);
        assertThat(found).extracting(b -> b.kind() + " " + b.name()).contains("config-flag jobs.batch-size", "scheduled-job Jobs#sweep",
                "message-consumer orders", "auth a.Jobs#onOrder(String)", "validation a.Jobs#onOrder(String)/body", "todo TODO",
                "cli-command sync", "config-flag SYNC_TIMEOUT");
        for (var b : found) assertThat(b.endLine()).isGreaterThanOrEqualTo(b.startLine());
        assertThat(found).isSortedAccordingTo(Behaviour.ORDER);
    }
}
