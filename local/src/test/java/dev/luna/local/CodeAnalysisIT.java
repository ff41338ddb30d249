package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import dev.luna.workers.codeanalysis.report.OfficialSchemas;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code code-analysis} end to end through the API, on the shared runtime (no model provider configured): an inline
 * project with a SQL injection, a hard-coded cloud key and an unpinned dependency is checked out, analysed, and its
 * artifacts are downloaded and validated against the official SARIF 2.1.0 and CycloneDX 1.6 schemas; the same source
 * gives the same bytes; a baseline drops what it already had; bad input is a 400 at submission.
 */
class CodeAnalysisIT {
    static final String AWS_KEY = "AKIAQ3EGRZ5LX7PKWN2D";
    static final String SERVLET = """
            package com.acme.web;

            import java.io.IOException;
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.Statement;
            import javax.servlet.http.HttpServlet;
            import javax.servlet.http.HttpServletRequest;
            import javax.servlet.http.HttpServletResponse;

            public class AccountServlet extends HttpServlet {
                private Connection connection;

                @Override
                protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                    String id = request.getParameter("id");
                    String query = "SELECT * FROM accounts WHERE id = '" + id + "'";
                    try (Statement statement = connection.createStatement()) {
                        ResultSet rows = statement.executeQuery(query);
                        response.getWriter().println(rows.next() ? "found" : "none");
                    } catch (java.sql.SQLException e) {
                        response.sendError(500);
                    }
                }
            }
            """;
    static final String CONFIG = "package com.acme.web;\n\nfinal class CloudConfig {\n    static final String ACCESS_KEY_ID = \"" + AWS_KEY + "\";\n}\n";
    static final String POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>com.acme</groupId><artifactId>web</artifactId><version>1.0.0</version>
              <dependencies>
                <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>42.7.4</version></dependency>
                <dependency><groupId>com.google.guava</groupId><artifactId>guava</artifactId><version>[32.0,)</version></dependency>
              </dependencies>
            </project>
            """;

    static Api api;
    static TaskTypeRuns runs;
    static String agent;

    @BeforeAll
    static void start() {
        api = TestRuntime.admin();
        runs = new TaskTypeRuns(api);
        agent = runs.agent();
    }

    static String inline(Map<String, String> files) {
        var list = new ArrayList<Map<String, String>>();
        files.forEach((path, content) -> list.add(Map.of("path", path, "content", content)));
        return Json.write(Map.of("type", "inline", "files", list));
    }

    static Map<String, String> project() {
        return Map.of("pom.xml", POM, "src/main/java/com/acme/web/AccountServlet.java", SERVLET,
                "src/main/java/com/acme/web/CloudConfig.java", CONFIG);
    }

    @Test
    void anInlineProjectIsAnalysedAndItsArtifactsValidate() throws Exception {
        var task = runs.run(agent, "code-analysis", "{\"source\":" + inline(project()) + "}");
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("succeeded");
        var result = task.get("result");
        var summary = result.get("summary");
        assertThat(summary.get("complete").asBoolean()).isTrue();
        assertThat(summary.get("files").asInt()).isEqualTo(3);
        assertThat(summary.get("byCwe").has("CWE-89")).as(summary.toString()).isTrue();
        assertThat(summary.get("byAnalyzer").get("secrets").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(summary.get("byAnalyzer").get("dependencies").asInt()).as("the open version range").isGreaterThanOrEqualTo(1);
        var sqli = first(result.get("topFindings"), "java-sqli");
        assertThat(sqli.get("file").asString()).isEqualTo("src/main/java/com/acme/web/AccountServlet.java");
        assertThat(sqli.get("traceSteps").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(result.get("model").get("used").asBoolean()).isFalse();
        assertThat(task.get("progress").get("steps").findValuesAsString("name")).containsExactly("checkout", "analyse", "enhance", "package");
        assertThat(task.get("progress").get("steps").findValuesAsString("status")).containsOnly("completed");

        var artifacts = runs.artifacts(task.get("id").asString());
        assertThat(artifacts).containsOnlyKeys("findings.sarif", "sbom.cdx.json", "report.md");
        assertThat(result.get("artifacts").findValuesAsString("name")).containsExactly("findings.sarif", "report.md", "sbom.cdx.json");
        String sarif = new String(artifacts.get("findings.sarif"), StandardCharsets.UTF_8);
        assertThat(OfficialSchemas.errors(OfficialSchemas.sarif(), sarif)).isEmpty();
        var log = Json.tree(sarif);
        assertThat(log.get("runs").findValuesAsString("name")).contains("Luna security", "Luna secrets", "Luna dependencies");
        assertThat(sarif).contains("CWE-89").contains("codeFlows");
        String sbom = new String(artifacts.get("sbom.cdx.json"), StandardCharsets.UTF_8);
        assertThat(OfficialSchemas.errors(OfficialSchemas.cycloneDx(), sbom)).isEmpty();
        assertThat(sbom).contains("pkg:maven/org.postgresql/postgresql@42.7.4");
        String report = new String(artifacts.get("report.md"), StandardCharsets.UTF_8);
        assertThat(report).startsWith("# Code analysis").contains("java-sqli").contains("Data flow:");
        for (var bytes : artifacts.values()) assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain(AWS_KEY);
        assertThat(result.toString()).as("the result (the payload is the caller's own input)").doesNotContain(AWS_KEY);
    }

    @Test
    void theSameSourceGivesTheSameBytes() {
        String payload = "{\"source\":" + inline(project()) + ",\"options\":{\"rules\":[\"security\",\"secrets\",\"dependencies\"]}}";
        var first = runs.run(agent, "code-analysis", payload);
        var second = runs.run(agent, "code-analysis", payload);
        assertThat(second.get("result").get("artifacts").findValuesAsString("sha256"))
                .isEqualTo(first.get("result").get("artifacts").findValuesAsString("sha256"));
    }

    @Test
    void aBaselineKeepsOnlyNewFindings() {
        var before = runs.run(agent, "code-analysis", "{\"source\":" + inline(project()) + ",\"options\":{\"rules\":[\"security\"]}}");
        assertThat(before.get("status").asString()).isEqualTo("succeeded");
        var files = new java.util.HashMap<>(project());
        files.put("src/main/java/com/acme/web/ReportServlet.java", SERVLET.replace("AccountServlet", "ReportServlet").replace("accounts", "reports"));
        var after = runs.run(agent, "code-analysis", "{\"source\":" + inline(files) + ",\"options\":{\"rules\":[\"security\"],\"baselineTaskId\":\""
                + before.get("id").asString() + "\"}}");
        assertThat(after.get("status").asString()).as(after.toString()).isEqualTo("succeeded");
        var result = after.get("result");
        assertThat(result.get("baseline").get("unchanged").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(result.get("topFindings").findValuesAsString("file")).containsOnly("src/main/java/com/acme/web/ReportServlet.java");
    }

    @Test
    void aBaselineOfNoSuchTaskFailsTheTaskSaying() {
        var task = runs.run(agent, "code-analysis", "{\"source\":" + inline(project()) + ",\"options\":{\"baselineTaskId\":\"tsk_NOSUCHTASK\"}}");
        assertThat(task.get("status").asString()).isEqualTo("failed");
        assertThat(task.get("error").get("message").asString()).contains("baselineTaskId").contains("tsk_NOSUCHTASK");
    }

    @Test
    void badInputIsAFourHundredNamingTheField() {
        var unknownRule = runs.submit(agent, "code-analysis", "{\"source\":" + inline(project()) + ",\"options\":{\"rules\":[\"style\"]}}");
        assertThat(unknownRule.status()).isEqualTo(400);
        assertThat(unknownRule.json().get("error").get("details").toString()).contains("payload.options.rules[0]");
        var traversal = runs.submit(agent, "code-analysis", "{\"source\":" + inline(Map.of("../../etc/passwd", "x")) + "}");
        assertThat(traversal.status()).isEqualTo(400);
        assertThat(traversal.json().get("error").get("details").toString()).contains("payload.source.files[0].path");
        var noSource = runs.submit(agent, "code-analysis", "{\"options\":{}}");
        assertThat(noSource.status()).isEqualTo(400);
        assertThat(noSource.json().get("error").get("details").toString()).contains("payload.source");
        var privateGit = runs.submit(agent, "code-analysis", "{\"source\":{\"type\":\"git\",\"url\":\"https://127.0.0.1/repo.git\"}}");
        assertThat(privateGit.status()).isEqualTo(400);
    }

    static JsonNode first(JsonNode findings, String ruleId) {
        for (var f : findings) if (f.get("ruleId").asString().equals(ruleId)) return f;
        throw new AssertionError("no " + ruleId + " in " + findings);
    }
}
