package dev.luna.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.luna.core.Json;

/** Decodes Lambda event JSON (as AWS sends it) into the aws-lambda-java-events types. */
public final class Events {
    private Events() {
    }

    public static APIGatewayV2HTTPEvent httpEvent(byte[] json) {
        return Json.readLenient(json, APIGatewayV2HTTPEvent.class);
    }
}
