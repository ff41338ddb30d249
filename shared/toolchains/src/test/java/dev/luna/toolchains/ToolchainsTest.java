package dev.luna.toolchains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkers find what their ecosystems reject and pass what they accept, on real files. */
class ToolchainsTest {
    @TempDir
    Path dir;

    @Test
    void mermaidParsesC4FlowchartsSequencesAndMarkdownBlocksAndNamesWhatDoesNotParse() throws Exception {
        var c4 = write("context.mmd", "C4Context\n  title Shop\n  Person(user, \"Customer\")\n  System(shop, \"Shop\", \"Sells things\")\n  Rel(user, shop, \"Buys from\")\n");
        var sequence = write("flow.mmd", "sequenceDiagram\n  participant A as Browser\n  A->>B: GET /products\n  B-->>A: 200\n");
        var markdown = write("architecture.md", "# Architecture\n\n```mermaid\nflowchart LR\n  web --> core\n```\n\ntext\n\n```mermaid\nflowchart LR\n  a -->\n  b[[broken\n```\n");
        var broken = write("broken.mmd", "C4Container\n  Container(api \"API\"\n");

        assertThat(Toolchains.mermaid(List.of(c4, sequence))).isEmpty();
        var problems = Toolchains.mermaid(List.of(c4, markdown, broken));
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith(markdown.toAbsolutePath() + ":10: Parse error");
        assertThat(problems.get(1)).startsWith(broken.toAbsolutePath() + ": Parse error");
    }

    @Test
    void mermaidSaysSoWhenAMarkdownFileHasNoDiagram() throws Exception {
        assertThat(Toolchains.mermaid(List.of(write("plain.md", "# nothing here\n")))).singleElement().asString().startsWith("no Mermaid diagram");
    }

    @Test
    void typescriptTypeChecksWithNodeTypesAndReportsEachError() throws Exception {
        write("tsconfig.json", "{\"compilerOptions\": {\"strict\": true, \"target\": \"ES2022\", \"module\": \"NodeNext\", \"moduleResolution\": \"NodeNext\"}, \"include\": [\"src\"]}");
        Files.createDirectories(dir.resolve("src"));
        write("src/server.ts", "import { createServer } from 'node:http';\nexport const server = createServer((_req, res) => { res.end('ok'); });\n");
        assertThat(Toolchains.typescript(dir)).isEmpty();

        write("src/bad.ts", "export const n: number = 'text';\nexport function f(x: string) { return x.nope(); }\n");
        var problems = Toolchains.typescript(dir);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("bad.ts(1,14)").contains("error TS2322");
        assertThat(problems.get(1)).contains("bad.ts(2,41)").contains("error TS2339");
    }

    @Test
    void typescriptNeedsATsconfig() {
        assertThrows(IllegalArgumentException.class, () -> Toolchains.typescript(dir));
    }

    @Test
    void nodeIsVersion22() throws Exception {
        var process = new ProcessBuilder(Toolchains.node().toString(), "--version").redirectErrorStream(true).start();
        assertThat(new String(process.getInputStream().readAllBytes()).strip()).startsWith("v22.");
    }

    private Path write(String name, String text) throws Exception {
        var file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
