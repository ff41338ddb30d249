package dev.luna.http;

import dev.luna.catalog.Catalog;
import dev.luna.core.Json;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.MDC;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import tools.jackson.databind.JsonNode;

/**
 * Registers a module's functions fed by raw events — routes of the API Gateway WebSocket API (trigger
 * {@code websocket}) and consumers of a table's DynamoDB stream (trigger {@code stream}) — as Spring Cloud Function
 * beans that take the event's bytes, read them once as JSON, and answer what the handler returns (a route's response,
 * a stream batch's {@code batchItemFailures}), like {@link HttpFunctions} for HTTP. Fails at start-up when the catalog
 * and the handlers disagree.
 */
public final class EventFunctions {
    private static final Type LAMBDA_TYPE = ResolvableType.forClassWithGenerics(Function.class,
            ResolvableType.forClassWithGenerics(Message.class, byte[].class), ResolvableType.forClass(Object.class)).getType();

    private EventFunctions() {
    }

    public static void register(GenericApplicationContext context, String module, Map<String, Function<JsonNode, Object>> handlers) {
        var unused = new HashSet<>(handlers.keySet());
        for (var spec : Catalog.load().module(module)) {
            if (!spec.trigger().isWebSocket() && !spec.trigger().isStream()) continue;
            var handler = handlers.get(spec.bean());
            if (handler == null) throw new IllegalStateException("catalog function " + spec.name() + " has no handler " + spec.bean());
            unused.remove(spec.bean());
            Function<Message<byte[]>, Object> lambda = message -> {
                var event = Json.mapper().readTree(message.getPayload());
                MDC.put("function", spec.name());
                try {
                    return handler.apply(event);
                } finally {
                    MDC.remove("function");
                }
            };
            context.registerBean(spec.bean(), FunctionRegistration.class, () -> new FunctionRegistration<>(lambda, spec.bean()).type(LAMBDA_TYPE));
        }
        if (!unused.isEmpty()) throw new IllegalStateException("module '" + module + "' has event handlers not in the catalog: " + unused);
    }
}
