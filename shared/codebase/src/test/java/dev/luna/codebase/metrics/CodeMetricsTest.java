package dev.luna.codebase.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeMetricsTest {
    private final CodeMetrics metrics = new CodeMetrics();

    private List<String> functions(String path, String text) {
        return metrics.measure(path, text).functions().stream()
                .map(f -> f.name() + "@" + f.startLine() + "-" + f.endLine() + "=" + f.complexity()).toList();
    }

    @Test
    void javaLinesCommentsStringsAndComplexity() {
        String java = """
                package demo; // trailing comment makes this a code line

                /* a block comment
                   over two lines with "quotes" and { braces } */
                class Demo {
                    /** Javadoc. */
                    @Override
                    public String name(int a, int b) throws Exception {
                        String s = "if (a && b) { // not code";
                        char c = '{';
                        if (a > 0 && b > 0) {
                            return a > b ? "a" : "b";
                        } else if (a < 0 || b < 0) {
                            for (int i = 0; i < a; i++) { s += i; }
                        }
                        switch (a) { case 1: case 2: return "x"; default: return s; }
                    }

                    Runnable r = new Runnable() {
                        public void run() { while (true) { try { work(); } catch (Exception e) { } } }
                    };
                    String block = \"""
                        text block with // and /* inside
                        \""";
                }
                """;
        FileMetrics m = metrics.measure("src/Demo.java", java);

        assertThat(m.language()).isEqualTo("java");
        assertThat(m.lines()).isEqualTo(25);
        assertThat(m.blankLines()).isEqualTo(2);
        assertThat(m.commentLines()).isEqualTo(3);
        assertThat(m.codeLines()).isEqualTo(20);
        assertThat(m.commentRatio()).isEqualTo(0.13);
        // name: if, &&, ?, if (else if), ||, for, case, case = 8 decisions; run: while, catch = 2
        assertThat(functions("src/Demo.java", java)).containsExactly("name@8-17=9", "run@20-20=3");
    }

    @Test
    void kotlinWhenArmsAndElvisAndNestedComments() {
        String kotlin = """
                /* outer /* nested */ still comment */
                fun grade(score: Int?): String {
                    val s = score ?: 0
                    return when {
                        s > 90 -> "A"
                        s > 80 -> "B"
                        else -> "C"
                    }
                }
                val f = list.map { x -> x + 1 }
                """;
        assertThat(functions("A.kt", kotlin)).containsExactly("grade@2-9=4");
        assertThat(metrics.measure("A.kt", kotlin).commentLines()).isEqualTo(1);
    }

    @Test
    void goReceiversAndLiterals() {
        String go = """
                package main

                func (s *Server) Handle(w http.ResponseWriter, r *http.Request) {
                	if r.Method != "GET" && r.Method != "HEAD" {
                		return
                	}
                	go func() {
                		for i := 0; i < 3; i++ {
                		}
                	}()
                	raw := `multi
                line { raw`
                }
                """;
        assertThat(functions("main.go", go)).containsExactly("Handle@3-13=3", "<anonymous>@7-10=2");
    }

    @Test
    void javascriptArrowsTemplatesAndRegex() {
        String js = """
                const re = /["'{]/g; // a regex with quotes and a brace
                const handler = async (req, res) => {
                  const msg = `hello ${req.user ?? "anon"} {`;
                  if (!req.ok || req.retry) { return res.status(500); }
                };
                function plain(a) {
                  return a ? 1 : 2;
                }
                class K { method(x) { if (x) { return 1; } return 0; } }
                app.get('/', (req, res) => { if (req) {} });
                """;
        assertThat(functions("app.js", js)).containsExactly("handler@2-5=3", "plain@6-8=2", "method@9-9=2", "<anonymous>@10-10=2");
    }

    @Test
    void typescriptOptionalMembersAreNotTernaries() {
        String ts = """
                interface P { name?: string; age?: number }
                export function f(p?: P): string {
                  return p?.name ?? "none";
                }
                """;
        assertThat(functions("f.ts", ts)).containsExactly("f@2-4=2");
    }

    @Test
    void pythonIndentationDocstringsAndBooleanOperators() {
        String py = """
                \"""Module docstring
                over lines.\"""
                import os

                def outer(a, b):
                    \"""Docstring.\"""
                    if a and b:
                        return [x for x in a if x]
                    elif a or (b and
                               a):
                        pass

                    def inner():
                        while True:
                            break
                    return inner

                x = "not a docstring"
                """;
        FileMetrics m = metrics.measure("m.py", py);
        assertThat(m.commentLines()).isEqualTo(3);
        assertThat(m.codeLines()).isEqualTo(12);
        // outer: if, and, for, if, elif, or, and = 7
        assertThat(functions("m.py", py)).containsExactly("outer@5-16=8", "inner@13-15=2");
    }

    @Test
    void rubyDefEndWithModifiersAndBlocks() {
        String rb = """
                =begin
                block comment
                =end
                class Greeter
                  def greet(name)
                    return "none" if name.nil?
                    items.each do |i|
                      puts i unless i.empty?
                    end
                    case name
                    when "a" then 1
                    when "b" then 2
                    end
                  end
                end
                """;
        assertThat(functions("g.rb", rb)).containsExactly("greet@5-14=5");
        assertThat(metrics.measure("g.rb", rb).commentLines()).isEqualTo(3);
    }

    @Test
    void shellFunctionsAndHeredocs() {
        String sh = """
                #!/bin/sh
                # comment
                deploy() {
                  if [ -n "$1" ] && [ "$#" -gt 1 ]; then
                    cat <<EOF
                { not a brace
                EOF
                  fi
                  case "$1" in
                    a) echo a ;;
                    b) echo b ;;
                  esac
                }
                """;
        assertThat(functions("d.sh", sh)).containsExactly("deploy@3-13=5");
        assertThat(metrics.measure("d.sh", sh).commentLines()).isEqualTo(2);
    }

    @Test
    void rustMatchArmsAndLifetimes() {
        String rs = """
                fn pick<'a>(x: &'a str, n: u8) -> &'a str {
                    match n {
                        0 => "zero",
                        1 | 2 => x,
                        _ => "many",
                    }
                }
                """;
        assertThat(functions("lib.rs", rs)).containsExactly("pick@1-7=3");
    }

    @Test
    void csharpNullCoalescingAndForeach() {
        String cs = """
                class C {
                    public int Sum(int[] xs, string s) {
                        var t = s ?? "";
                        foreach (var x in xs) { if (x > 0) { t += x; } }
                        return t.Length;
                    }
                }
                """;
        assertThat(functions("C.cs", cs)).containsExactly("Sum@2-6=4");
    }

    @Test
    void dataFilesCountLinesAndCommentsOnly() {
        FileMetrics yaml = metrics.measure("a.yaml", "# comment\nkey: value # trailing\n\nlist:\n  - a\n");
        assertThat(yaml).extracting(FileMetrics::code, FileMetrics::codeLines, FileMetrics::commentLines, FileMetrics::blankLines)
                .containsExactly(false, 3, 1, 1);
        FileMetrics xml = metrics.measure("pom.xml", "<a>\n<!-- one\n two -->\n</a>\n");
        assertThat(xml.commentLines()).isEqualTo(2);
        assertThat(metrics.measure("image.png", "x")).isNull();
    }

    @Test
    void hostileInputIsBounded() {
        String deep = "class D { void f() { " + "{".repeat(50_000) + " if (a) {} " + "}".repeat(50_000) + " } }";
        assertThat(metrics.measure("D.java", deep).functions()).extracting(FunctionMetrics::name).containsExactly("f");
        String unterminated = "/* never closed\n".repeat(1000);
        assertThat(metrics.measure("U.java", unterminated).commentLines()).isEqualTo(1000);
        assertThat(metrics.measure("Q.py", "x = '''open\n".repeat(100)).codeLines()).isEqualTo(100);
    }

    @Test
    void projectTotalsHotspotsAndSkips(@TempDir Path root) throws Exception {
        var sb = new StringBuilder("class Big {\n");
        for (int i = 1; i <= 25; i++) {
            sb.append("  int m").append(i).append("(int a) {\n");
            sb.append("    if (a > 0) { return 1; }\n".repeat(i % 7));
            sb.append("    return 0;\n  }\n");
        }
        sb.append("}\n");
        Files.writeString(root.resolve("Big.java"), sb, StandardCharsets.UTF_8);
        Files.writeString(root.resolve("s.py"), "def f(a):\n    return a or 1\n", StandardCharsets.UTF_8);
        Files.write(root.resolve("bin.js"), new byte[] {0, 1, 2});
        Files.writeString(root.resolve("notes.txt"), "ignored", StandardCharsets.UTF_8);

        ProjectMetrics p = metrics.measure(root, List.of("Big.java", "bin.js", "missing.rb", "notes.txt", "s.py"), () -> false);

        assertThat(p.files()).extracting(FileMetrics::path).containsExactly("Big.java", "s.py");
        assertThat(p.totals()).extracting(LanguageTotals::language).containsExactly("java", "python");
        assertThat(p.hotspots()).hasSize(20);
        assertThat(p.hotspots().get(0)).extracting(Hotspot::function, Hotspot::complexity).containsExactly("m6", 7);
        assertThat(p.hotspots().get(1)).extracting(Hotspot::function, Hotspot::complexity).containsExactly("m13", 7);
        assertThat(p.skipped()).extracting(ProjectMetrics.Skipped::file).containsExactly("bin.js", "missing.rb");
        assertThat(p.complete()).isTrue();
    }
}
