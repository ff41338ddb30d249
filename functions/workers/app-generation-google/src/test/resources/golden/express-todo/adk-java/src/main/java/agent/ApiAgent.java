package agent;

import com.google.adk.agents.LlmAgent;
import com.google.adk.models.BaseLlm;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The Todo Api agent: an ADK {@code LlmAgent} with the instructions in instruction.md and one tool per API operation. */
public final class ApiAgent {
    public static final String APP_NAME = "todo-api";
    public static final String AGENT_NAME = "todo_api_agent";
    public static final String DEFAULT_AGENT_URL = "http://localhost:8080";
    public static final String DESCRIPTION = "An agent for the Todo Api API: it answers questions and carries out requests about todos by calling the API's 5 operations, and asks before it changes anything.";

    private ApiAgent() {
    }

    /** The agent on a Gemini model ({@code gemini-2.5-flash}…). */
    public static LlmAgent build(String model, Upstream upstream) {
        return builder(upstream).model(model).build();
    }

    /** The agent on any ADK model (the {@link FakeModel} in tests). */
    public static LlmAgent build(BaseLlm model, Upstream upstream) {
        return builder(upstream).model(model).build();
    }

    private static LlmAgent.Builder builder(Upstream upstream) {
        return LlmAgent.builder().name(AGENT_NAME).description(DESCRIPTION).instruction(instruction())
                .tools(new ApiTools(upstream).all());
    }

    static String instruction() {
        try {
            return AgentApp.resource("instruction.md");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
