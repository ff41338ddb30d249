package dev.luna.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.luna.core.Json;
import dev.luna.core.metrics.Metrics;

/**
 * The API's metrics, recorded once per request by {@link HttpFunction}: {@code ApiRequests}, {@code ApiLatency} (ms),
 * {@code ApiFaults} (1 for a 5xx answer, else 0, so its average is the server error rate) by function, and
 * {@code ApiErrors} by function and error code for every error envelope.
 */
final class ApiMetrics {
    private ApiMetrics() {
    }

    static void record(String function, APIGatewayV2HTTPResponse response, long startedNanos) {
        if (!Metrics.enabled()) return;
        int status = response.getStatusCode();
        double ms = (System.nanoTime() - startedNanos) / 1_000_000.0;
        var event = Metrics.event().dimension("Function", function)
                .value("ApiRequests", 1).value("ApiLatency", Math.round(ms * 100) / 100.0).value("ApiFaults", status >= 500 ? 1 : 0);
        if (status >= 400) event.dimension("Code", errorCode(response)).value("ApiErrors", 1);
        event.emit();
    }

    /** The envelope's error code; the status when the body is not an envelope. */
    static String errorCode(APIGatewayV2HTTPResponse response) {
        String code = null;
        try {
            if (response.getBody() != null && !response.getIsBase64Encoded()) {
                code = Json.tree(response.getBody()).path("error").path("code").asString(null);
            }
        } catch (RuntimeException e) {
            // not JSON: fall back to the status
        }
        return code != null && code.matches("[A-Z_]{1,64}") ? code : "HTTP_" + response.getStatusCode();
    }
}
