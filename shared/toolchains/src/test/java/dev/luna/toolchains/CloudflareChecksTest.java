package dev.luna.toolchains;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Cloudflare checks pass a small Worker with a D1 migration and smoke requests, and name what is wrong in a broken one. */
class CloudflareChecksTest {
    @TempDir
    Path dir;

    void write(String path, String content) throws Exception {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    void project(String index, String migration, int expected) throws Exception {
        write("wrangler.jsonc", """
                // a test Worker
                {"name": "check-test", "main": "src/index.ts", "compatibility_date": "2025-10-01", "vars": {"ORIGIN_URL": ""},
                 "d1_databases": [{"binding": "DB", "database_name": "check-test-db", "database_id": "00000000-0000-0000-0000-000000000000", "migrations_dir": "migrations"}]}
                """);
        write("tsconfig.json", """
                {"compilerOptions": {"target": "es2022", "lib": ["es2022"], "module": "es2022", "moduleResolution": "bundler",
                  "types": ["@cloudflare/workers-types"], "strict": true, "noEmit": true, "skipLibCheck": true}, "include": ["src/**/*.ts"]}
                """);
        write("src/index.ts", index);
        write("migrations/0001_initial.sql", migration);
        write("smoke.json", """
                {"requests": [{"name": "count", "method": "GET", "path": "/count", "expectStatus": %d, "proxied": false},
                              {"name": "origin", "method": "GET", "path": "/proxy", "expectStatus": 200, "proxied": true}]}
                """.formatted(expected));
    }

    static final String WORKER = """
            interface Env { DB: D1Database; ORIGIN_URL: string }
            export default {
              async fetch(request: Request, env: Env): Promise<Response> {
                const url = new URL(request.url);
                if (url.pathname === "/proxy") {
                  const answer = await fetch(new URL(url.pathname, env.ORIGIN_URL).toString());
                  const response = new Response(answer.body, answer);
                  response.headers.set("x-migration", "proxy");
                  return response;
                }
                const row = await env.DB.prepare("SELECT count(*) AS n FROM notes").first<{ n: number }>();
                return Response.json({ notes: row?.n ?? -1 });
              },
            } satisfies ExportedHandler<Env>;
            """;

    @Test
    void aGoodWorkerPasses() throws Exception {
        project(WORKER, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);\n", 200);
        var run = CloudflareChecks.run(dir);
        assertThat(run.linesStartingWith("INVALID:")).as(run.output()).isEmpty();
        assertThat(run.linesStartingWith("OK:")).contains("tsc --noEmit", "d1 migrations apply DB --local", "the Worker started in workerd",
                "GET /count → 200", "GET /proxy → 200");
    }

    @Test
    void aBrokenWorkerIsNamed() throws Exception {
        project(WORKER.replace("return Response.json({ notes: row?.n ?? -1 });", "const n: string = row?.n; return Response.json({ n });"),
                "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL;\n", 201);
        var problems = CloudflareChecks.check(dir);
        assertThat(problems).anyMatch(p -> p.startsWith("tsc: src/index.ts") && p.contains("TS2322"));
        assertThat(problems).anyMatch(p -> p.startsWith("d1 migrations apply DB"));
        assertThat(problems).anyMatch(p -> p.startsWith("count: GET /count answered 500 (expected 201)"));
    }
}
