package dev.luna.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {
    private final Chunker chunker = new Chunker();

    private static List<String> symbols(List<Chunk> chunks) {
        return chunks.stream().map(Chunk::symbol).toList();
    }

    @Test
    void javaSplitsTypesAndMembersWithTheirJavadoc() {
        String src = """
                package a.b;

                import java.util.List;

                /** A greeter. */
                public class Greeter {
                    private final String name;

                    /** Makes one. */
                    Greeter(String name) {
                        this.name = name;
                    }

                    /**
                     * Says hello.
                     */
                    public String greet(String other) {
                        return "hello " + other + " from " + name;
                    }

                    static class Inner {
                        int size() { return 1; }
                    }
                }
                """;
        var chunks = chunker.chunk("src/a/b/Greeter.java", src);
        assertThat(symbols(chunks)).containsExactly("Greeter", "Greeter.Greeter", "Greeter.greet", "Greeter.Inner", "Greeter.Inner.size");
        var greet = chunks.get(2);
        assertThat(greet.content()).startsWith("    /**").contains("Says hello.").contains("return \"hello \"");
        assertThat(greet.startLine()).isEqualTo(14);
        assertThat(greet.endLine()).isEqualTo(19);
        assertThat(greet.kind()).isEqualTo("method");
        assertThat(greet.language()).isEqualTo("java");
        assertThat(greet.tokenCount()).isEqualTo(Tokens.count(greet.content())).isPositive();
        assertThat(greet.contentHash()).hasSize(64);
        assertThat(chunks.get(0).content()).startsWith("package a.b;").contains("public class Greeter").contains("private final String name;");
    }

    @Test
    void kotlinTypeScriptGoSwiftPythonSplitAtDeclarations() {
        var kt = chunker.chunk("m/Repo.kt", """
                package m

                // Stores users.
                class Repo(private val db: Db) {
                    fun find(id: String): User? {
                        return db.get(id)
                    }

                    suspend fun save(user: User) {
                        db.put(user)
                    }
                }

                fun helper() = 42
                """);
        assertThat(symbols(kt)).contains("Repo", "Repo.find", "Repo.save", "helper");
        assertThat(kt.stream().filter(c -> "Repo.find".equals(c.symbol())).findFirst().orElseThrow().content()).contains("db.get(id)");

        var ts = chunker.chunk("web/api.ts", """
                import { x } from './x';

                /** Fetches a user. */
                export async function fetchUser(id: string): Promise<User> {
                  return http.get(`/users/${id}`);
                }

                export const parseQuery = (q: string) => {
                  return q.split('&');
                };

                export class Client {
                  constructor(private base: string) {}

                  request(path: string): string {
                    return this.base + path;
                  }
                }
                """);
        assertThat(symbols(ts)).contains("fetchUser", "parseQuery", "Client", "Client.request");
        assertThat(ts.stream().filter(c -> "fetchUser".equals(c.symbol())).findFirst().orElseThrow().content()).startsWith("/** Fetches a user. */");

        var go = chunker.chunk("srv/main.go", """
                package main

                // Server serves.
                type Server struct {
                \taddr string
                }

                // Start starts it.
                func (s *Server) Start() error {
                \treturn nil
                }

                func main() {
                \tfmt.Println("}")
                }
                """);
        assertThat(symbols(go)).contains("Server", "Start", "main");
        assertThat(go.stream().filter(c -> "main".equals(c.symbol())).findFirst().orElseThrow().content()).contains("Println").endsWith("}");

        var swift = chunker.chunk("App/Model.swift", """
                import Foundation

                struct Point {
                    var x: Double
                    func length() -> Double {
                        return x
                    }
                }
                """);
        assertThat(symbols(swift)).contains("Point", "Point.length");

        var py = chunker.chunk("pkg/util.py", """
                import os

                @cache
                def load(path):
                    \"\"\"Loads a file.\"\"\"
                    return open(path).read()


                class Store:
                    def get(self, key):
                        return self.data[key]

                    def put(self, key, value):
                        self.data[key] = value
                """);
        assertThat(symbols(py)).contains("load", "Store", "Store.get", "Store.put");
        assertThat(py.stream().filter(c -> "load".equals(c.symbol())).findFirst().orElseThrow().content()).startsWith("@cache");
    }

    @Test
    void markdownByHeadingsConfigByTopLevelKeyTextBySizeWithOverlap() {
        var md = chunker.chunk("README.md", "# Title\nintro\n\n## Install\nrun it\n```\n# not a heading\n```\n## Use\ncall it\n");
        assertThat(symbols(md)).containsExactly("Title", "Title > Install", "Title > Use");
        assertThat(md.get(1).content()).contains("# not a heading");

        var yaml = chunker.chunk("app.yaml", "server:\n  port: 8080\ndatabase:\n  url: x\n");
        assertThat(symbols(yaml)).containsExactly("server", "database");
        var json = chunker.chunk("package.json", "{\n  \"name\": \"x\",\n  \"scripts\": {\n    \"build\": \"tsc\"\n  }\n}\n");
        assertThat(symbols(json)).contains("name", "scripts");

        var small = new Chunker(40, 2);
        var text = new StringBuilder();
        for (int i = 0; i < 60; i++) text.append("line number ").append(i).append(" of some plain text\n");
        var chunks = small.chunk("notes.txt", text.toString());
        assertThat(chunks).hasSizeGreaterThan(3);
        assertThat(chunks).allSatisfy(c -> assertThat(c.tokenCount()).isLessThanOrEqualTo(40));
        assertThat(chunks.get(1).startLine()).isLessThanOrEqualTo(chunks.get(0).endLine()); // overlap
        assertThat(chunks.get(chunks.size() - 1).endLine()).isEqualTo(60);
    }

    @Test
    void unparsableJavaStillChunksAndIdsAreStable() {
        var chunks = chunker.chunk("Broken.java", "class Broken {\n  void a() {\n    int x = ;\n  }\n}\n");
        assertThat(chunks).isNotEmpty();
        assertThat(chunker.chunk("Broken.java", "class Broken {\n  void a() {\n    int x = ;\n  }\n}\n"))
                .extracting(Chunk::id).isEqualTo(chunks.stream().map(Chunk::id).toList());
    }
}
