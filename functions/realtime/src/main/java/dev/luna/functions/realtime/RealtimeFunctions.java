package dev.luna.functions.realtime;

import dev.luna.http.ApiResult;
import dev.luna.http.EventFunctions;
import dev.luna.http.HttpFunctions;
import dev.luna.http.Platform;
import dev.luna.http.PlatformHolder;
import dev.luna.identity.ProjectStore;
import dev.luna.realtime.LiveEventBus;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The realtime module in AWS: the API Gateway WebSocket API's routes ({@code ws-connect}, {@code ws-disconnect},
 * {@code ws-default}) and the fan-out of state changes from the tables' DynamoDB streams: task progress
 * ({@code ws-fanout}, tasks table), agent status and health verdict changes ({@code ws-fanout-agents}, agents table)
 * and raised token alerts ({@code ws-fanout-alerts}, token-budgets table), each taking the raw event bytes
 * ({@link EventFunctions}); beside them, the operators' broadcast {@code admin-notifications-send}
 * ({@code POST /api/v1/admin/notifications}, {@link PlatformNotices}). The local runtime serves the same protocol from
 * its own HTTP front and in-process events.
 */
public final class RealtimeFunctions implements ApplicationContextInitializer<GenericApplicationContext> {
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
        EventFunctions.register(context, "realtime", Map.of(
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
}
