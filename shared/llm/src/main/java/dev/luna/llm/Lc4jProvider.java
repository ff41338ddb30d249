package dev.luna.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The shared body of the langchain4j-based adapters: builds a langchain4j model per call on a
 * {@link ProviderHttpClient} (cheap: the JDK client underneath is shared), converts messages and parameters,
 * waits for streams, and translates every failure into a {@link ProviderException}.
 */
abstract class Lc4jProvider implements ChatProvider {
    /** How long a stream may stay silent before it counts as stalled. */
    static final Duration STREAM_IDLE = Duration.ofSeconds(20);

    protected final ProviderConfig config;
    protected final java.net.http.HttpClient http;
    protected final Clock clock;

    Lc4jProvider(ProviderConfig config, java.net.http.HttpClient http, Clock clock) {
        this.config = config;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String name() {
        return config.provider();
    }

    @Override
    public boolean configured() {
        return config.apiKey() != null && !config.apiKey().isBlank();
    }

    abstract ChatModel syncModel(ProviderHttpClient client, ModelSpec model, Duration timeout);

    abstract StreamingChatModel streamingModel(ProviderHttpClient client, ModelSpec model, Duration timeout);

    /** The final event of this provider's stream protocol. */
    abstract Predicate<ServerSentEvent> finalEvent();

    /** Usage from the response (and, where langchain4j does not map a field, from the raw answer), or null. */
    abstract Usage usage(ChatResponse response, ProviderHttpClient client);

    Duration idleTimeout(Duration timeout) {
        return timeout.compareTo(STREAM_IDLE) < 0 ? timeout : STREAM_IDLE;
    }

    @Override
    public ProviderReply chat(ProviderCall call) {
        var client = new ProviderHttpClient(http, call.timeout(), idleTimeout(call.timeout()), finalEvent(), clock);
        try {
            ChatResponse response = syncModel(client, call.model(), call.timeout()).chat(request(call));
            return reply(response, client, null);
        } catch (RuntimeException e) {
            throw ProviderErrors.translate(e, name(), call.model().id());
        }
    }

    @Override
    public ProviderReply stream(ProviderCall call, DeltaSink sink) {
        var client = new ProviderHttpClient(http, call.timeout(), idleTimeout(call.timeout()), finalEvent(), clock);
        var done = new CompletableFuture<ChatResponse>();
        var partial = new StringBuilder();
        StreamingChatModel model;
        try {
            model = streamingModel(client, call.model(), call.timeout());
        } catch (RuntimeException e) {
            throw ProviderErrors.translate(e, name(), call.model().id());
        }
        model.chat(request(call), new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String text) {
                if (done.isDone() || text == null || text.isEmpty()) return;
                synchronized (partial) {
                    partial.append(text);
                }
                sink.onDelta(text);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        try {
            // the HTTP client bounds connect/idle time; this bounds the whole stream
            ChatResponse response = done.get(call.timeout().toMillis() + STREAM_IDLE.toMillis(), TimeUnit.MILLISECONDS);
            return reply(response, client, partial.toString());
        } catch (ExecutionException e) {
            throw withPartial(ProviderErrors.translate(e.getCause(), name(), call.model().id()), partial);
        } catch (TimeoutException e) {
            throw withPartial(ProviderErrors.translate(e, name(), call.model().id()), partial);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw withPartial(ProviderErrors.translate(e, name(), call.model().id()), partial);
        } catch (RuntimeException e) {
            throw withPartial(ProviderErrors.translate(e, name(), call.model().id()), partial);
        }
    }

    private static ProviderException withPartial(ProviderException e, StringBuilder partial) {
        String text;
        synchronized (partial) {
            text = partial.toString();
        }
        if (text.isEmpty()) return e;
        if (e.kind() == ProviderException.Kind.CONNECTION || e.kind() == ProviderException.Kind.MALFORMED_RESPONSE) {
            return new ProviderException(e.provider(), e.model(), ProviderException.Kind.STREAM_CUT, e.httpStatus(), e.retryAfter(),
                    e.getMessage() + " (after " + text.length() + " characters of output)", text, e.getCause());
        }
        return e.withPartial(text);
    }

    private ProviderReply reply(ChatResponse response, ProviderHttpClient client, String streamed) {
        AiMessage ai = response.aiMessage();
        String text = ai == null || ai.text() == null ? (streamed == null ? "" : streamed) : ai.text();
        return new ProviderReply(text, finishReason(response.finishReason()), usage(response, client));
    }

    static String finishReason(FinishReason r) {
        if (r == null) return "stop";
        return switch (r) {
            case LENGTH -> "length";
            case CONTENT_FILTER -> "content_filter";
            case TOOL_EXECUTION -> "tool_calls";
            default -> "stop";
        };
    }

    ChatRequest request(ProviderCall call) {
        var messages = new ArrayList<dev.langchain4j.data.message.ChatMessage>();
        for (var m : messages(call)) {
            messages.add(switch (m.role()) {
                case SYSTEM -> SystemMessage.from(m.content());
                case USER -> UserMessage.from(m.content());
                case ASSISTANT -> AiMessage.from(m.content());
            });
        }
        var p = ChatRequestParameters.builder().maxOutputTokens(call.maxTokens());
        if (call.temperature() != null) p.temperature(call.temperature());
        if (call.topP() != null) p.topP(call.topP());
        if (!call.stop().isEmpty()) p.stopSequences(call.stop());
        if (call.jsonMode() && nativeJsonMode()) p.responseFormat(ResponseFormat.JSON);
        return ChatRequest.builder().messages(messages).parameters(p.build()).build();
    }

    /** The messages as this provider gets them (JSON mode without native support adds an instruction). */
    List<ChatMessage> messages(ProviderCall call) {
        if (!call.jsonMode() || nativeJsonMode()) return call.messages();
        var out = new ArrayList<ChatMessage>();
        out.add(ChatMessage.system("Answer with a single JSON object and nothing else."));
        out.addAll(call.messages());
        return out;
    }

    boolean nativeJsonMode() {
        return true;
    }

    static int orZero(Integer i) {
        return i == null ? 0 : i;
    }
}
