package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs the README's GraphQL walkthrough, as a user would, against a fresh runtime. */
class ReadmeGraphqlWalkthroughIT {
    @Test
    void theGraphqlWalkthroughWorksAsWritten() throws Exception {
        String output = ReadmeWalkthroughIT.run("graphql-walkthrough");
        assertThat(output).containsPattern("\\{\"data\":\\{\"registerAgent\":\\{\"id\":\"agt_[0-9A-Z]{26}\",\"status\":\"registered\"}}}");
        assertThat(output).contains("\"startAgent\":{").contains("\"status\":\"running\"");
        assertThat(output).containsPattern("\"submitTask\":\\{\"id\":\"tsk_[0-9A-Z]{26}\"");
        assertThat(output).contains("\"name\":\"GraphQL Echo\"").contains("\"versionNumber\":1").contains("\"queues\":[");
        assertThat(output).contains("\"agents\":{\"nodes\":[{\"id\":\"agt_");
        assertThat(output).contains("\"code\":\"INVALID_TRANSITION\"").contains("\"path\":[\"startAgent\"]");
        assertThat(output).contains("\"code\":\"MALFORMED_JSON\"");
        assertThat(output).doesNotContain("UNAUTHENTICATED");
    }
}
