package dev.luna.functions.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.luna.core.ErrorCode;
import dev.luna.core.Json;
import dev.luna.core.LunaException;
import dev.luna.core.ValidationException;
import dev.luna.llm.ChatMessage;
import dev.luna.llm.ChatResult;
import dev.luna.llm.Complexity;
import dev.luna.llm.Strategy;
import dev.luna.llm.Usage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatCompletionsTest {
    ChatCompletions.Request parse(String body) {
        return ChatCompletions.parse(body, "prj_1", "key_1", Map.of(), "req_1");
    }

    String field(String body) {
        return catchThrowableOfType(ValidationException.class, () -> parse(body)).violations().get(0).field();
    }

    @Test
    void parsesAnOpenAiRequestWithLunaOptions() {
        var r = parse("""
                {"model": "gpt-4o-mini", "messages": [
                   {"role": "developer", "content": "Be brief."},
                   {"role": "user", "content": [{"type": "text", "text": "Hello "}, {"type": "text", "text": "there"}]}],
                 "max_completion_tokens": 50, "temperature": 0.3, "stream": true, "stream_options": {"include_usage": true},
                 "stop": "END", "response_format": {"type": "json_object"}, "user": "u-1", "seed": 7,
                 "luna": {"strategy": "fastest", "complexity": "complex", "agentId": "agt_1", "taskType": "code-analysis",
                          "costBudgetUsd": 0.05, "fallbacks": ["claude-haiku-4-5"]}}""");
        var call = r.call();
        assertThat(call.messages()).containsExactly(ChatMessage.system("Be brief."), ChatMessage.user("Hello there"));
        assertThat(call.maxTokens()).isEqualTo(50);
        assertThat(call.stop()).containsExactly("END");
        assertThat(call.jsonMode()).isTrue();
        assertThat(r.stream()).isTrue();
        assertThat(r.includeUsage()).isTrue();
        assertThat(call.selection().strategy()).isEqualTo(Strategy.FASTEST);
        assertThat(call.selection().complexity()).isEqualTo(Complexity.COMPLEX);
        assertThat(call.selection().costBudgetUsd()).isEqualByComparingTo("0.05");
        assertThat(call.selection().fallbacks()).containsExactly("claude-haiku-4-5");
        assertThat(call.context().agentId()).isEqualTo("agt_1");
        assertThat(call.context().projectId()).isEqualTo("prj_1");
        assertThat(call.context().apiKeyId()).isEqualTo("key_1");
    }

    @Test
    void headersCarryAgentAndTaskWhenTheBodyDoesNot() {
        var r = ChatCompletions.parse("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "p", "k",
                Map.of("agentId", "agt_h", "taskId", "tsk_h"), "r");
        assertThat(r.call().context().agentId()).isEqualTo("agt_h");
        assertThat(r.call().context().taskId()).isEqualTo("tsk_h");
    }

    @Test
    void badRequestsNameTheField() {
        assertThat(catchThrowableOfType(LunaException.class, () -> parse("{\"messages\": [")).code()).isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(catchThrowableOfType(LunaException.class, () -> parse("[1]")).code()).isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(field("{}")).isEqualTo("messages");
        assertThat(field("{\"messages\": \"hi\"}")).isEqualTo("messages");
        assertThat(field("{\"messages\": [{\"role\": \"robot\", \"content\": \"hi\"}]}")).isEqualTo("messages[0].role");
        assertThat(field("{\"messages\": [{\"role\": \"user\"}]}")).isEqualTo("messages[0].content");
        assertThat(field("{\"messages\": [{\"role\": \"user\", \"content\": 5}]}")).isEqualTo("messages[0].content");
        assertThat(field("{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"image_url\", \"image_url\": {}}]}]}")).isEqualTo("messages[0].content");
        assertThat(field("{\"messages\": [{\"role\": \"tool\", \"content\": \"x\"}]}")).isEqualTo("messages[0].role");
        assertThat(field("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}], \"tools\": []}")).isEqualTo("tools");
        assertThat(field("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}], \"bogus\": 1}")).isEqualTo("bogus");
        assertThat(field("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}], \"max_tokens\": -5}")).isEqualTo("max_tokens");
        assertThat(field("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}], \"max_tokens\": \"5\"}")).isEqualTo("max_tokens");
        assertThat(field("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}], \"n\": 2}")).isEqualTo("n");
        assertThat(field("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}], \"stream_options\": {\"include_usage\": true}}")).isEqualTo("stream_options");
        assertThat(field("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}], \"response_format\": {\"type\": \"json_schema\"}}")).isEqualTo("response_format.type");
        assertThat(field("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}], \"luna\": {\"strategy\": \"random\"}}")).isEqualTo("luna.strategy");
        assertThat(field("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}], \"luna\": {\"colour\": \"red\"}}")).isEqualTo("luna.colour");
        assertThat(field("{\"model\": 7, \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}")).isEqualTo("model");
    }

    ChatResult result() {
        return new ChatResult("llm_1", Instant.parse("2026-11-27T10:00:00Z"), "Hello there", "stop", "openai", "gpt-4o-mini",
                new Usage(40, 10, 0, 3, false), new BigDecimal("0.0000123"), false,
                new ChatResult.RouteInfo("pinned", "simple", true, "gpt-4o-mini was requested", List.of("gpt-4o-mini")), List.of(), List.of(), 150);
    }

    @Test
    void rendersAChatCompletion() {
        var json = Json.tree(Json.write(ChatCompletions.completion(result())));
        assertThat(json.get("object").asString()).isEqualTo("chat.completion");
        assertThat(json.get("id").asString()).isEqualTo("chatcmpl-llm_1");
        assertThat(json.get("choices").get(0).get("message").get("content").asString()).isEqualTo("Hello there");
        assertThat(json.get("usage").get("prompt_tokens_details").get("cached_tokens").asInt()).isEqualTo(10);
        assertThat(json.get("usage").get("total_tokens").asInt()).isEqualTo(43);
        assertThat(Json.write(ChatCompletions.completion(result()))).contains("\"costUsd\":0.0000123");
    }

    @Test
    void rendersAnEventStreamOpenAiSdksRead() {
        String sse = ChatCompletions.sse(result(), List.of("Hello", " there"), true);
        var events = sse.split("\n\n");
        assertThat(events[events.length - 1]).isEqualTo("data: [DONE]");
        var first = Json.tree(events[0].substring("data: ".length()));
        assertThat(first.get("choices").get(0).get("delta").get("role").asString()).isEqualTo("assistant");
        var text = new StringBuilder();
        for (int i = 1; i < events.length - 3; i++) text.append(Json.tree(events[i].substring(6)).get("choices").get(0).get("delta").get("content").asString());
        assertThat(text.toString()).isEqualTo("Hello there");
        var last = Json.tree(events[events.length - 3].substring(6));
        assertThat(last.get("choices").get(0).get("finish_reason").asString()).isEqualTo("stop");
        var usage = Json.tree(events[events.length - 2].substring(6));
        assertThat(usage.get("choices").size()).isZero();
        assertThat(usage.get("usage").get("completion_tokens").asInt()).isEqualTo(3);
    }
}
