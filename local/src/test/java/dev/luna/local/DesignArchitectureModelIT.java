package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code design-architecture} with a model provider configured (an OpenAI wire-protocol stand-in): a valid answer
 * becomes the overview of architecture.md and the proposed ADR's context, inside the same structure; an answer that does
 * not fit its schema is dropped and the deterministic text stands. The prompt is grounded in the recovered facts and
 * carries the brief, never the secret from the configuration.
 */
class DesignArchitectureModelIT {
    static final String ANSWER = "{\"overview\": \"A three-layer Spring service: a REST controller calls a service, which reads books through a "
            + "JPA repository from PostgreSQL.\", \"briefContext\": \"Catalogue and loans share one database and one service today; the split "
            + "needs a boundary between the book catalogue and the loan records.\", \"briefGood\": [\"each part can be released on its own\"], "
            + "\"briefBad\": [\"loans need the catalogue through an API instead of a join\"]}";
    final RagSourcesRuntime sources = RagSourcesRuntime.get();
    final TaskTypeRuns runs = new TaskTypeRuns(sources.api);

    @AfterEach
    void reset() {
        sources.openai.reset();
    }

    @Test
    void aModelWritesTheOverviewAndTheProposedDecisionsProse() {
        sources.openai.text = ANSWER;
        var task = runs.run(runs.agent(), "design-architecture", "{\"source\":" + DesignArchitectureIT.source()
                + ",\"brief\":\"Split the catalogue from the loans\"}");
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("succeeded");
        var model = task.get("result").get("model");
        assertThat(model.get("used").asBoolean()).as(model.toString()).isTrue();
        var artifacts = runs.artifacts(task.get("id").asString());
        String md = new String(artifacts.get("architecture.md"), StandardCharsets.UTF_8);
        assertThat(md).contains("## Overview", "A three-layer Spring service", "```mermaid\nC4Context");
        String adr = artifacts.entrySet().stream().filter(e -> e.getKey().endsWith("split-the-catalogue-from-the-loans.md")).findFirst()
                .map(e -> new String(e.getValue(), StandardCharsets.UTF_8)).orElseThrow();
        assertThat(adr).contains("Catalogue and loans share one database", "* Good, because each part can be released on its own",
                "## Considered Options", "Status: proposed");
        String prompts = sources.openai.requests.toString();
        assertThat(prompts).contains("Split the catalogue from the loans").doesNotContain(DesignArchitectureIT.SECRET);
    }

    @Test
    void anAnswerThatDoesNotFitItsSchemaIsDropped() {
        sources.openai.text = "Here is a nice overview of your architecture!";
        var task = runs.run(runs.agent(), "design-architecture", "{\"source\":" + DesignArchitectureIT.source() + ",\"brief\":\"Split it\"}");
        assertThat(task.get("status").asString()).isEqualTo("succeeded");
        var model = task.get("result").get("model");
        assertThat(model.get("used").asBoolean()).isFalse();
        assertThat(model.get("reason").asString()).contains("no answer was usable");
        String md = new String(runs.artifacts(task.get("id").asString()).get("architecture.md"), StandardCharsets.UTF_8);
        assertThat(md).doesNotContain("## Overview").contains("## Decisions");
    }
}
