package agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.adk.models.BaseLlm;
import com.google.adk.models.BaseLlmConnection;
import com.google.adk.models.LlmRequest;
import com.google.adk.models.LlmResponse;
import com.google.genai.types.Content;
import com.google.genai.types.FunctionCall;
import com.google.genai.types.Part;
import io.reactivex.rxjava3.core.Flowable;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A model that needs no network or key, for tests and local smoke runs ({@code AGENT_MODEL=fake}). It answers
 * "call &lt;tool&gt; {json args}" with that function call, a function response with a one-line summary of it, and
 * anything else with the list of tools it could use.
 */
public final class FakeModel extends BaseLlm {
    private static final ObjectMapper JSON = new ObjectMapper();

    public FakeModel() {
        super("fake");
    }

    @Override
    public Flowable<LlmResponse> generateContent(LlmRequest request, boolean stream) {
        List<Content> contents = request.contents();
        Content last = contents.isEmpty() ? Content.fromParts(Part.fromText("")) : contents.get(contents.size() - 1);
        for (Part part : last.parts().orElse(List.of())) {
            if (part.functionResponse().isPresent()) {
                var response = part.functionResponse().get();
                String summary = String.valueOf(response.response().orElse(Map.of()));
                if (summary.length() > 300) summary = summary.substring(0, 300) + "…";
                return Flowable.just(text("Result of " + response.name().orElse("the tool") + ": " + summary));
            }
        }
        String said = last.parts().orElse(List.of()).stream().map(p -> p.text().orElse("")).reduce("", String::concat).strip();
        if (said.startsWith("call ")) {
            String[] words = said.substring(5).strip().split("\\s+", 2);
            if (request.tools().containsKey(words[0])) {
                Map<String, Object> args = words.length > 1 ? parseArgs(words[1]) : Map.of();
                var call = FunctionCall.builder().name(words[0]).args(args).build();
                return Flowable.just(LlmResponse.builder()
                        .content(Content.builder().role("model").parts(List.of(Part.builder().functionCall(call).build())).build()).build());
            }
        }
        return Flowable.just(text("fake model: you said \"" + said + "\"; I can use " + new TreeSet<>(request.tools().keySet())));
    }

    @Override
    public BaseLlmConnection connect(LlmRequest request) {
        throw new UnsupportedOperationException("the fake model has no live connection");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseArgs(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (Exception e) {
            return Map.of();
        }
    }

    private static LlmResponse text(String text) {
        return LlmResponse.builder().content(Content.builder().role("model").parts(List.of(Part.fromText(text))).build()).build();
    }
}
