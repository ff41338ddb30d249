package dev.luna.functions.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.luna.core.Json;
import dev.luna.store.LunaConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The SES sender against a stand-in that speaks SES v2's REST wire protocol ({@code POST /v2/email/outbound-emails},
 * JSON in and out, errors as {@code x-amzn-ErrorType} + JSON message), as the real SDK client calls it.
 */
class SesAlertMailTest {
    record Call(String path, Map<String, List<String>> headers, JsonNode body) {
    }

    private HttpServer ses;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile boolean reject;

    @BeforeEach
    void start() throws IOException {
        ses = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        ses.createContext("/", ex -> {
            try (ex) {
                calls.add(new Call(ex.getRequestURI().getPath(), ex.getRequestHeaders(), Json.tree(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))));
                byte[] body;
                ex.getResponseHeaders().add("Content-Type", "application/json");
                if (reject) {
                    ex.getResponseHeaders().add("x-amzn-ErrorType", "MessageRejected");
                    body = "{\"message\":\"Email address is not verified.\"}".getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(400, body.length);
                } else {
                    body = "{\"MessageId\":\"0100019abc-test\"}".getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(200, body.length);
                }
                ex.getResponseBody().write(body);
            }
        });
        ses.start();
    }

    @AfterEach
    void stop() {
        ses.stop(0);
    }

    private AlertMail mail() {
        var settings = Map.of("AWS_REGION", "eu-west-1", AlertMail.FROM, "alerts@acme.example",
                SesAlertMail.ENDPOINT, "http://127.0.0.1:" + ses.getAddress().getPort());
        return AlertMail.from(LunaConfig.from(settings::get));
    }

    @Test
    void sendsASimpleTextMessageFromTheVerifiedIdentity() {
        var mail = mail();
        assertThat(mail).isInstanceOf(SesAlertMail.class);
        assertThat(mail.notSentReason()).isNull();
        mail.send("finops@example.com", "Luna budget alert: project p passed 80% of its 2026-12 budget", "Project p has spent $8 of its $10 budget.");
        assertThat(calls).hasSize(1);
        var call = calls.get(0);
        assertThat(call.path()).isEqualTo("/v2/email/outbound-emails");
        assertThat(call.headers().get("Authorization").get(0)).startsWith("AWS4-HMAC-SHA256").contains("/eu-west-1/ses/aws4_request");
        assertThat(call.body().get("FromEmailAddress").asString()).isEqualTo("alerts@acme.example");
        assertThat(call.body().get("Destination").get("ToAddresses").get(0).asString()).isEqualTo("finops@example.com");
        var simple = call.body().get("Content").get("Simple");
        assertThat(simple.get("Subject").get("Data").asString()).contains("passed 80%");
        assertThat(simple.get("Body").get("Text").get("Data").asString()).isEqualTo("Project p has spent $8 of its $10 budget.");
        assertThat(simple.get("Body").get("Text").get("Charset").asString()).isEqualTo("UTF-8");
    }

    @Test
    void aRejectedMessageIsAMailFailureNamingSesError() {
        reject = true;
        assertThatThrownBy(() -> mail().send("finops@example.com", "s", "t"))
                .isInstanceOf(AlertMail.MailFailure.class)
                .hasMessageStartingWith("SES: ")
                .hasMessageContaining("not verified");
    }
}
