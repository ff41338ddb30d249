package dev.luna.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalProviderTest {
    final LocalProvider local = new LocalProvider(new Tokenizer());
    final ModelSpec model = ModelCatalog.load(null).find("luna-local-1").orElseThrow();

    ChatProvider.ProviderCall call(List<ChatMessage> messages, int max, boolean json) {
        return new ChatProvider.ProviderCall(model, messages, max, null, null, List.of(), json, Duration.ofSeconds(1));
    }

    @Test
    void answersDeterministicallyAndLabelsItselfOffline() {
        var msgs = List.of(ChatMessage.system("You review Java code."), ChatMessage.user("Review the retry loop in QueueWorker; the retry loop sleeps too long."));
        var a = local.chat(call(msgs, 500, false));
        assertThat(a.text()).startsWith(LocalProvider.LABEL).contains("Key terms: loop, retry");
        assertThat(local.chat(call(msgs, 500, false))).isEqualTo(a);
        assertThat(a.usage()).as("the gateway counts its tokens").isNull();
    }

    @Test
    void streamsTheSameTextAndHonoursMaxTokens() {
        var msgs = List.of(ChatMessage.user("Summarise the incident report"));
        var pieces = new ArrayList<String>();
        var streamed = local.stream(call(msgs, 500, false), pieces::add);
        assertThat(String.join("", pieces)).isEqualTo(streamed.text()).isEqualTo(local.chat(call(msgs, 500, false)).text());
        var cut = local.chat(call(msgs, 5, false));
        assertThat(new Tokenizer().count(cut.text())).isLessThanOrEqualTo(5);
        assertThat(cut.finishReason()).isEqualTo("length");
    }

    @Test
    void jsonModeAnswersWithAJsonObject() {
        var text = local.chat(call(List.of(ChatMessage.user("List the modules")), 500, true)).text();
        assertThat(dev.luna.core.Json.tree(text).get("offline").asBoolean()).isTrue();
    }

    @Test
    void continuesAPrefixWithoutRepeatingIt() {
        var msgs = List.of(ChatMessage.user("Summarise the incident report"));
        String full = local.chat(call(msgs, 500, false)).text();
        var withPrefix = new ArrayList<>(msgs);
        withPrefix.add(ChatMessage.assistant(full.substring(0, 40)));
        assertThat(full.substring(0, 40) + local.chat(call(withPrefix, 500, false)).text()).isEqualTo(full);
    }
}
