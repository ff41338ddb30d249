package dev.luna.http;

import dev.luna.catalog.Catalog;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;

/**
 * Registers a module's schedule-triggered functions (catalog trigger type {@code schedule}) as Spring Cloud
 * Function beans taking the raw event bytes, like {@link HttpFunctions} does for HTTP: the function decodes the
 * {@link ScheduledEvent} itself, so Spring Cloud Function never reinterprets it. The handler's result (a report
 * of what the run did) is the function's JSON output; a failure is thrown, so Lambda records the invocation as
 * failed and EventBridge Scheduler's retry policy applies.
 */
public final class ScheduledFunctions {
    private static final Type LAMBDA_TYPE = ResolvableType.forClassWithGenerics(Function.class,
            ResolvableType.forClassWithGenerics(Message.class, byte[].class), ResolvableType.forClass(Object.class)).getType();

    private ScheduledFunctions() {
    }

    /** The body of one scheduled function. */
    @FunctionalInterface
    public interface Handler {
        Object run(ScheduledEvent event);
    }

    public static void register(GenericApplicationContext context, String module, Map<String, Handler> handlersByBean) {
        var catalog = Catalog.load();
        var unused = new HashSet<>(handlersByBean.keySet());
        for (var spec : catalog.module(module)) {
            if (!"schedule".equals(spec.trigger().type())) continue;
            var handler = handlersByBean.get(spec.bean());
            if (handler == null) {
                throw new IllegalStateException("catalog function '" + spec.name() + "' names bean '" + spec.bean()
                        + "' but module '" + module + "' has no scheduled handler for it");
            }
            unused.remove(spec.bean());
            var log = LoggerFactory.getLogger("dev.luna.schedule." + spec.name());
            Function<Message<byte[]>, Object> lambda = message -> {
                var event = ScheduledEvent.parse(message.getPayload());
                MDC.put("function", spec.name());
                MDC.put("requestId", event.id() == null ? "scheduled" : event.id());
                long t0 = System.nanoTime();
                try {
                    Object report = handler.run(event);
                    log.info("scheduled run for {} done in {} ms: {}", event.time(), (System.nanoTime() - t0) / 1_000_000, report);
                    // the same answer shape as the task framework's scheduled functions: {function, eventId, summary}
                    var result = new java.util.LinkedHashMap<String, Object>();
                    result.put("function", spec.name());
                    result.put("eventId", event.id());
                    result.put("summary", report);
                    return result;
                } finally {
                    MDC.remove("function");
                    MDC.remove("requestId");
                }
            };
            context.registerBean(spec.bean(), FunctionRegistration.class,
                    () -> new FunctionRegistration<>(lambda, spec.bean()).type(LAMBDA_TYPE));
        }
        if (!unused.isEmpty()) {
            throw new IllegalStateException("module '" + module + "' has scheduled handlers not in the catalog: " + unused);
        }
    }
}
