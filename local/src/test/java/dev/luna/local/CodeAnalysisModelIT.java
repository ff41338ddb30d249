package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code code-analysis} with a model provider configured (an OpenAI wire-protocol stand-in): the most severe findings
 * get an explanation and a fix, attributed to the task; an answer that does not fit its schema is dropped and the
 * deterministic result stands. And a task that runs out of time ends {@code timed_out} keeping its artifacts.
 */
class CodeAnalysisModelIT {
    static final String ANSWER = "{\"explanation\": \"The id request parameter is concatenated into the SQL text, so a caller can change the query.\", "
            + "\"fix\": \"Use a PreparedStatement with a ? placeholder and setString(1, id).\", \"confidence\": \"high\"}";
    final RagSourcesRuntime sources = RagSourcesRuntime.get();
    final TaskTypeRuns runs = new TaskTypeRuns(sources.api);

    @AfterEach
    void reset() {
        sources.openai.reset();
    }

    @Test
    void aModelExplainsTheMostSevereFindings() {
        sources.openai.text = ANSWER;
        var task = runs.run(runs.agent(), "code-analysis", "{\"source\":" + CodeAnalysisIT.inline(CodeAnalysisIT.project())
                + ",\"options\":{\"rules\":[\"security\"]},\"brief\":\"a small web shop\"}");
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("succeeded");
        var result = task.get("result");
        assertThat(result.get("model").get("used").asBoolean()).as(result.get("model").toString()).isTrue();
        assertThat(result.get("model").get("accepted").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(result.get("explanations").get(0).get("fix").asString()).contains("PreparedStatement");
        var report = new String(runs.artifacts(task.get("id").asString()).get("report.md"), StandardCharsets.UTF_8);
        assertThat(report).contains("**Suggested fix:**").contains("PreparedStatement");
        // the prompt was grounded in the code and carried the brief; the key in the project never left the worker
        String prompts = sources.openai.requests.toString();
        assertThat(prompts).contains("executeQuery").contains("a small web shop").doesNotContain(CodeAnalysisIT.AWS_KEY);
    }

    @Test
    void anAnswerThatDoesNotFitItsSchemaIsDropped() {
        sources.openai.text = "Sure! Here is my analysis: the code is vulnerable.";
        var task = runs.run(runs.agent(), "code-analysis", "{\"source\":" + CodeAnalysisIT.inline(CodeAnalysisIT.project())
                + ",\"options\":{\"rules\":[\"security\"]}}");
        assertThat(task.get("status").asString()).isEqualTo("succeeded");
        var model = task.get("result").get("model");
        assertThat(model.get("used").asBoolean()).isFalse();
        assertThat(model.get("reason").asString()).contains("no answer was usable");
        assertThat(task.get("result").has("explanations")).isFalse();
    }

    @Test
    void aTaskOutOfTimeEndsTimedOutWithItsArtifacts() {
        // the agent's timeout (15 s) is less than what an analysis keeps back to write its results (20 s): it stops at once
        var api = sources.api;
        String agent = api.post("/api/v1/agents", "{\"name\":\"" + TestRuntime.unique("hurried") + "\",\"type\":\"task-executor\",\"version\":\"1.0.0\","
                + "\"config\":{\"runtime\":\"java\",\"capabilities\":[\"code-analysis\"],\"timeout\":15000,\"retryPolicy\":{\"maxAttempts\":1}}}")
                .data().get("id").asString();
        api.post("/api/v1/agents/" + agent + "/start", null);
        var task = runs.run(agent, "code-analysis", "{\"source\":" + CodeAnalysisIT.inline(CodeAnalysisIT.project()) + "}");
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("timed_out");
        assertThat(task.get("error").get("message").asString()).contains("artifacts");
        assertThat(task.get("result").get("summary").get("complete").asBoolean()).isFalse();
        assertThat(runs.artifacts(task.get("id").asString())).containsKeys("findings.sarif", "report.md");
    }
}
