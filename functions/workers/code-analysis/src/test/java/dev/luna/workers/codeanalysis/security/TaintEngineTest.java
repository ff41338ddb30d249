package dev.luna.workers.codeanalysis.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.workers.codeanalysis.findings.AnalysisInput;
import dev.luna.workers.codeanalysis.findings.AnalyzerResult;
import dev.luna.workers.codeanalysis.findings.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a taint finding says: message, trace from source to sink, fingerprint, masking, order, determinism. */
class TaintEngineTest {
    private static final String SERVLET = """
            package app;

            import javax.servlet.http.HttpServletRequest;
            import javax.servlet.http.HttpServletResponse;

            public class Search extends javax.servlet.http.HttpServlet {
                protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
                    String id = request.getParameter("id");
                    String query = Queries.byId(id);
                    Repo repo = new JdbcRepo();
                    repo.run(query);
                }
            }
            """;
    private static final String QUERIES = """
            package app;

            final class Queries {
                static String byId(String id) {
                    StringBuilder sb = new StringBuilder("SELECT * FROM t WHERE id = '");
                    sb.append(id).append("'");
                    return sb.toString();
                }
            }
            """;
    private static final String REPO = """
            package app;

            interface Repo {
                void run(String sql);
            }

            class JdbcRepo implements Repo {
                private java.sql.Connection connection;
                private static final String DB_PASSWORD = "n0t-4-r3al-s3cret";

                public void run(String sql) {
                    try {
                        connection.createStatement().executeQuery(sql);
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            """;

    @TempDir
    Path dir;

    private AnalyzerResult analyse() throws IOException {
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("app/Search.java"), SERVLET);
        Files.writeString(dir.resolve("app/Queries.java"), QUERIES);
        Files.writeString(dir.resolve("app/Repo.java"), REPO);
        return Fixtures.ANALYZER.analyze(new AnalysisInput(dir, Fixtures.files(dir), () -> false));
    }

    @Test
    void aFlowThroughHelpersAndAnInterfaceIsReportedAtTheSinkWithItsTrace() throws IOException {
        var r = analyse();
        var sqli = r.findings().stream().filter(f -> f.ruleId().equals("java-sqli")).toList();
        assertThat(sqli).hasSize(1);
        Finding f = sqli.get(0);
        assertThat(f.analyzer()).isEqualTo("security");
        assertThat(f.cwe()).containsExactly(89);
        assertThat(f.file()).isEqualTo("app/Repo.java");
        assertThat(f.region().startLine()).isEqualTo(13);
        assertThat(f.snippet()).isEqualTo("connection.createStatement().executeQuery(sql);");
        assertThat(f.message()).isEqualTo("Request parameter 'id' reaches a SQL query executed by Statement.executeQuery.");
        var trace = f.trace();
        assertThat(trace.get(0).kind()).isEqualTo("source");
        assertThat(trace.get(0).file()).isEqualTo("app/Search.java");
        assertThat(trace.get(0).region().startLine()).isEqualTo(8);
        assertThat(trace.get(trace.size() - 1).kind()).isEqualTo("sink");
        assertThat(trace).extracting(t -> t.note()).contains("assigned to 'id'", "passed to byId()", "returned from byId()",
                "assigned to 'query'", "passed to run()");
        assertThat(trace).extracting(t -> t.file()).contains("app/Queries.java");
        assertThat(f.fingerprint()).isEqualTo(Finding.fingerprint("java-sqli", "app/Repo.java", f.snippet(), 0));
    }

    @Test
    void credentialsAreMaskedInSnippets() throws IOException {
        var r = analyse();
        var cred = r.findings().stream().filter(f -> f.ruleId().equals("java-hardcoded-credentials")).findFirst().orElseThrow();
        assertThat(cred.snippet()).contains("DB_PASSWORD = \"***\"").doesNotContain("n0t-4-r3al");
        assertThat(cred.message()).doesNotContain("n0t-4-r3al");
    }

    @Test
    void findingsAreSortedAndTheSameEveryRun() throws IOException {
        var first = analyse();
        var second = Fixtures.ANALYZER.analyze(new AnalysisInput(dir, Fixtures.files(dir), () -> false));
        assertThat(second.findings()).isEqualTo(first.findings());
        var keys = first.findings().stream().map(f -> f.file() + ":" + "%05d".formatted(f.region().startLine())).toList();
        assertThat(keys).isSorted();
        assertThat(first.complete()).isTrue();
        assertThat(first.stats()).containsEntry("files", 3);
    }

    @Test
    void fingerprintsSurviveMovingTheCode() throws IOException {
        var before = analyse().findings().stream().filter(f -> f.ruleId().equals("java-sqli")).findFirst().orElseThrow();
        Files.writeString(dir.resolve("app/Repo.java"), "// a comment that moves everything down\n\n" + REPO);
        var after = Fixtures.ANALYZER.analyze(new AnalysisInput(dir, Fixtures.files(dir), () -> false)).findings().stream()
                .filter(f -> f.ruleId().equals("java-sqli")).findFirst().orElseThrow();
        assertThat(after.region().startLine()).isEqualTo(before.region().startLine() + 2);
        assertThat(after.fingerprint()).isEqualTo(before.fingerprint());
    }
}
