package dev.luna.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract every provider adapter passes, against a stand-in server speaking that provider's real wire format:
 * complete and streamed answers with exact usage (cached tokens included), and every fault translated to the one
 * {@link ProviderException} with the right kind and retriability.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProviderContractTest {
    static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    final ProviderStandIn standIn = new ProviderStandIn(dialect());
    final ChatProvider provider = Gateways.provider(new ProviderConfig(providerName(), "sk-test-" + providerName(), standIn.baseUrl()), HTTP, Clock.systemUTC());

    abstract ProviderStandIn.Dialect dialect();

    abstract String providerName();

    abstract ModelSpec model();

    /** The usage the adapter must report for what the stand-in sends (prompt 42, cached 10, output 9). */
    abstract Usage expectedUsage();

    /** Checks the request carries the key the provider's way. */
    abstract void assertAuthenticated(ProviderStandIn s);

    @BeforeEach
    void reset() {
        standIn.reset();
    }

    @AfterAll
    void stop() {
        standIn.close();
    }

    ChatProvider.ProviderCall call(Duration timeout) {
        return new ChatProvider.ProviderCall(model(), List.of(ChatMessage.system("Be brief."), ChatMessage.user("Say hello")), 64,
                0.2, null, List.of(), false, timeout);
    }

    ProviderException failure(Runnable r) {
        return catchThrowableOfType(ProviderException.class, r::run);
    }

    @Test
    void answersWithTextAndExactUsage() {
        var reply = provider.chat(call(TIMEOUT));
        assertThat(reply.text()).isEqualTo(standIn.text);
        assertThat(reply.finishReason()).isEqualTo("stop");
        assertThat(reply.usage()).isEqualTo(expectedUsage());
        assertThat(standIn.requests).hasSize(1);
        assertAuthenticated(standIn);
    }

    @Test
    void streamsPiecesInOrderWithExactUsage() {
        var deltas = Collections.synchronizedList(new ArrayList<String>());
        var reply = provider.stream(call(TIMEOUT), deltas::add);
        assertThat(String.join("", deltas)).isEqualTo(standIn.text);
        assertThat(deltas).hasSizeGreaterThan(1);
        assertThat(reply.text()).isEqualTo(standIn.text);
        assertThat(reply.finishReason()).isEqualTo("stop");
        assertThat(reply.usage()).isEqualTo(expectedUsage());
    }

    @Test
    void anAnswerWithoutUsageIsHandled() {
        standIn.reportUsage = false;
        checkAnswerWithoutUsage();
    }

    /** By default: the answer stands and its usage is unknown (the gateway then counts with the tokenizer). */
    void checkAnswerWithoutUsage() {
        var reply = provider.chat(call(TIMEOUT));
        assertThat(reply.text()).isEqualTo(standIn.text);
        assertThat(reply.usage()).isNull();
    }

    @Test
    void rateLimitIsRetriableAndCarriesRetryAfter() {
        standIn.enqueue(new ProviderStandIn.Fault.Status(429, "7"));
        var e = failure(() -> provider.chat(call(TIMEOUT)));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(e.retriable()).isTrue();
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(e.provider()).isEqualTo(providerName());
    }

    @Test
    void rateLimitOnAStreamCarriesRetryAfterToo() {
        standIn.enqueue(new ProviderStandIn.Fault.Status(429, "2"));
        var e = failure(() -> provider.stream(call(TIMEOUT), d -> { }));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void serverErrorsAreRetriable() {
        for (int code : new int[] {500, 503}) {
            standIn.enqueue(new ProviderStandIn.Fault.Status(code, null));
            var e = failure(() -> provider.chat(call(TIMEOUT)));
            assertThat(e.kind()).as("HTTP " + code).isEqualTo(ProviderException.Kind.SERVER_ERROR);
            assertThat(e.retriable()).isTrue();
            assertThat(e.httpStatus()).isEqualTo(code);
            standIn.enqueue(new ProviderStandIn.Fault.Status(code, null));
            var s = failure(() -> provider.stream(call(TIMEOUT), d -> { }));
            assertThat(s.kind()).as("streamed HTTP " + code).isEqualTo(ProviderException.Kind.SERVER_ERROR);
        }
    }

    @Test
    void clientErrorsAreNotRetriable() {
        standIn.enqueue(new ProviderStandIn.Fault.Status(401, null));
        assertThat(failure(() -> provider.chat(call(TIMEOUT))).kind()).isEqualTo(ProviderException.Kind.AUTHENTICATION);
        standIn.enqueue(new ProviderStandIn.Fault.Status(400, null));
        var e = failure(() -> provider.chat(call(TIMEOUT)));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_REQUEST);
        assertThat(e.retriable()).isFalse();
    }

    @Test
    void slowAnswersTimeOut() {
        standIn.enqueue(new ProviderStandIn.Fault.Slow(1500));
        var e = failure(() -> provider.chat(call(Duration.ofMillis(200))));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.TIMEOUT);
        assertThat(e.retriable()).isTrue();
        standIn.enqueue(new ProviderStandIn.Fault.Slow(1500));
        var s = failure(() -> provider.stream(call(Duration.ofMillis(200)), d -> { }));
        assertThat(s.kind()).isEqualTo(ProviderException.Kind.TIMEOUT);
    }

    @Test
    void aStreamEndingWithoutItsFinalEventIsCut() {
        standIn.enqueue(new ProviderStandIn.Fault.Cut(2, false));
        var deltas = new ArrayList<String>();
        var e = failure(() -> provider.stream(call(TIMEOUT), deltas::add));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.STREAM_CUT);
        assertThat(e.retriable()).isTrue();
        assertThat(e.partialText()).isEqualTo(String.join("", standIn.pieces().subList(0, 2)));
        assertThat(String.join("", deltas)).isEqualTo(e.partialText());
    }

    @Test
    void aStreamBrokenMidBodyIsCut() {
        standIn.enqueue(new ProviderStandIn.Fault.Cut(3, true));
        var e = failure(() -> provider.stream(call(TIMEOUT), d -> { }));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.STREAM_CUT);
        assertThat(e.partialText()).isEqualTo(String.join("", standIn.pieces().subList(0, 3)));
    }

    @Test
    void aStreamCutBeforeAnyOutputIsRetriable() {
        standIn.enqueue(new ProviderStandIn.Fault.Cut(0, true));
        var e = failure(() -> provider.stream(call(TIMEOUT), d -> { }));
        assertThat(e.retriable()).isTrue();
        assertThat(e.kind()).isIn(ProviderException.Kind.CONNECTION, ProviderException.Kind.STREAM_CUT);
    }

    @Test
    void malformedJsonIsARetriableProviderFault() {
        standIn.enqueue(new ProviderStandIn.Fault.Malformed());
        var e = failure(() -> provider.chat(call(TIMEOUT)));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED_RESPONSE);
        assertThat(e.retriable()).isTrue();
    }

    @Test
    void malformedJsonInAStreamIsRetriable() {
        standIn.enqueue(new ProviderStandIn.Fault.Malformed());
        var e = failure(() -> provider.stream(call(TIMEOUT), d -> { }));
        assertThat(e.retriable()).isTrue();
    }

    @Test
    void anErrorEventInAStreamIsRetriable() {
        standIn.enqueue(new ProviderStandIn.Fault.ErrorEvent(2));
        var e = failure(() -> provider.stream(call(TIMEOUT), d -> { }));
        assertThat(e.retriable()).as(String.valueOf(e)).isTrue();
        assertThat(e.partialText()).isEqualTo(String.join("", standIn.pieces().subList(0, 2)));
    }

    @Test
    void unreachableProviderIsAConnectionError() {
        var dead = Gateways.provider(new ProviderConfig(providerName(), "k", "http://127.0.0.1:9/v1"), HTTP, Clock.systemUTC());
        var e = failure(() -> dead.chat(call(TIMEOUT)));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.CONNECTION);
        assertThat(e.retriable()).isTrue();
    }
}
