package dev.luna.functions.realtime;

import dev.luna.catalog.Catalog;
import dev.luna.core.Json;
import dev.luna.http.ApiResult;
import dev.luna.http.HttpFunctions;
import dev.luna.http.Platform;
import dev.luna.identity.ProjectStore;
import dev.luna.realtime.LiveEventBus;
import java.util.List;
import dev.luna.http.PlatformHolder;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.MDC;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import tools.jackson.databind.JsonNode;

/**
 * The realtime module in AWS: the API Gateway WebSocket API's routes ({@code ws-connect}, {@code ws-disconnect},
 * {@code ws-default}) and the fan-out of state changes from the tables' DynamoDB streams: task progress
 * ({@code ws-fanout}, tasks table), agent status and health verdict changes ({@code ws-fanout-agents}, agents table) and raised token
 * alerts ({@code ws-fanout-alerts}, token-budgets table). Each
 * of these takes the raw event bytes, as the scheduled functions do. Beside them, the operators' broadcast
 * {@code admin-notifications-send} ({@code POST /api/v1/admin/notifications}, {@link PlatformNotices}). The local runtime serves the same protocol from
 * its own HTTP front and in-process events.
 */
public final class RealtimeFunctions implements ApplicationContextInitializer<GenericApplicationContext> {
    private static final Type LAMBDA_TYPE = ResolvableType.forClassWithGenerics(Function.class,
            ResolvableType.forClassWithGenerics(Message.class, byte[].class), ResolvableType.forClass(Object.class)).getType();

    @Override
    public void initialize(GenericApplicationContext context) {
        Platform platform = PlatformHolder.of(context);
        var connections = new WsConnections(platform.aws());
        var events = new EventLog(platform.aws(), platform.clock());
        var poster = new ConnectionPoster(platform.config());
        var routes = new WsRoutes(new StreamAccess(platform), connections, events, poster, platform.clock());
        var notices = new PlatformNotices(new ProjectStore(platform.aws()), publisher(platform, new StreamFanout(connections, events, poster,
                record -> List.of())), platform.ids(), platform.clock());
        HttpFunctions.register(context, "realtime", platform, Map.of(
                "adminNotificationsSend", r -> ApiResult.ok(notices.send(r.bodyAs(NotificationRequest.class), r.principal()))));
        register(context, Map.of(
                "wsConnect", routes::connect,
                "wsDisconnect", routes::disconnect,
                "wsDefault", routes::message,
                "wsFanout", new StreamFanout(connections, events, poster, StreamRecords::task)::handle,
                "wsFanoutAgents", new StreamFanout(connections, events, poster, StreamRecords::agentHealth)::handle,
                "wsFanoutAlerts", new StreamFanout(connections, events, poster, StreamRecords::tokenAlert)::handle));
    }

    /**
     * Where an operator's notification goes: the in-process hub of a local runtime's data store, which its WebSocket,
     * SSE and GraphQL clients read; in Lambda (no hub) the event log of the WebSocket API and PostToConnection to the
     * project's subscribers, as the stream fan-outs do.
     */
    static PlatformNotices.Publisher publisher(Platform platform, StreamFanout fanout) {
        return (project, kind, subject, data) -> {
            var live = LiveEventBus.of(platform.config());
            return live.delivers() ? live.publish(project, kind, subject, data) : fanout.publish(project, kind, subject, data);
        };
    }

    private static void register(GenericApplicationContext context, Map<String, Function<JsonNode, Object>> handlers) {
        var unused = new HashSet<>(handlers.keySet());
        for (var spec : Catalog.load().module("realtime")) {
            if (spec.trigger().isHttp()) continue; // registered by HttpFunctions
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
        if (!unused.isEmpty()) throw new IllegalStateException("realtime handlers not in the catalog: " + unused);
    }
}
