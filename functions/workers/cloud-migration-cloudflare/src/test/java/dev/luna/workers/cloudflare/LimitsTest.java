package dev.luna.workers.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.workers.cloudflare.inventory.Schedules;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and odd input: a YAML alias bomb (aliases are not expanded), a broken template, an oversized SQL file, a route path with quotes and backslashes, a secret
 * in a handler that would be ported, a huge one-line file, a schedule that cannot be translated. The task succeeds,
 * its own checks pass, nothing leaks and nothing is dropped silently.
 */
class LimitsTest {
    @TempDir
    Path dir;

    void write(String path, String content) throws Exception {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    @Test
    void hostileFilesAreReadSafely() throws Exception {
        var bomb = new StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\na: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) bomb.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
            bomb.append("]\n");
        }
        write("template.yaml", bomb.toString());
        write("infra/broken.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources: [unclosed\n  - {\n");
        write("db/huge.sql", "CREATE TABLE big (id INTEGER);\n" + "-- filler\n".repeat(150_000));
        write("package.json", "{\"name\": \"odd-api\", \"dependencies\": {\"express\": \"^4.21.2\"}}\n");
        write("src/app.js", """
                const express = require('express');
                const app = express();
                app.get('/config', (req, res) => res.json({ awsKey: 'AKIAZ7QW3ERTY5UIOPLK', region: 'eu-west-1' }));
                app.get('/weird/"quoted"\\\\path', (req, res) => res.json({ ok: true }));
                app.listen(3000);
                """);
        write("src/long.js", "const x = '" + "a".repeat(300_000) + "';\n");
        write("serverless.yml", "service: odd\nprovider:\n  runtime: python3.12\nfunctions:\n  tick:\n    handler: tick.handler\n    events:\n      - schedule: every now and then\n");
        var run = Runs.run(dir, MigrationOptions.defaults());
        assertThat(run.problems()).isEmpty();
        assertThat(run.report().inventory().skipped()).anyMatch(s -> s.startsWith("infra/broken.yaml: not readable"));
        assertThat(run.report().inventory().resources()).noneMatch(r -> r.file().equals("template.yaml"));
        String all = run.json() + run.markdown() + String.join("\n", run.report().files().values());
        assertThat(all).doesNotContain("AKIAZ7QW3ERTY5UIOPLK");
        assertThat(run.report().files().get("src/routes.ts")).contains("pattern: \"/weird/\\\"quoted\\\"");
        assertThat(run.report().inventory().items()).anyMatch(i -> i.category().equals("schedule") && i.verdict().equals("adapt")
                && i.target().equals("Cron Trigger (by hand)"));
        assertThat(run.report().bindings().crons()).isEmpty();
    }

    @Test
    void schedulesTranslateOrSayTheyCannot() {
        assertThat(Schedules.toCron("rate(5 minutes)")).isEqualTo("*/5 * * * *");
        assertThat(Schedules.toCron("rate(1 hour)")).isEqualTo("0 * * * *");
        assertThat(Schedules.toCron("rate(2 days)")).isEqualTo("0 0 */2 * *");
        assertThat(Schedules.toCron("cron(0 12 ? * MON-FRI *)")).isEqualTo("0 12 * * MON-FRI");
        assertThat(Schedules.toCron("rate(90 minutes)")).isNull();
        assertThat(Schedules.toCron("whenever")).isNull();
    }
}
