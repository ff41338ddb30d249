package dev.luna.functions.graphql;

import dev.luna.core.Principal;
import dev.luna.core.Projects;
import dev.luna.realtime.LiveEvent;
import dev.luna.realtime.LiveEventKind;
import dev.luna.realtime.LiveEvents;
import dev.luna.realtime.LiveFilter;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * The subscription fields: each checks that the caller may see its subject by running the REST function that reads
 * it (so the rules are REST's), then streams the matching {@link LiveEvents} of that project. A task's stream ends
 * after its terminal event.
 */
final class LiveFields {
    private final RestCalls rest;
    private final Supplier<LiveEvents> live;

    LiveFields(RestCalls rest, Supplier<LiveEvents> live) {
        this.rest = rest;
        this.live = live;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Subscription", t -> t
                .dataFetcher("taskProgress", this::taskProgress)
                .dataFetcher("agentHealth", this::agentHealth)
                .dataFetcher("tokenAlert", env -> projectWide(env, "tokens-budget-list", LiveEventKind.TOKEN_ALERT))
                .dataFetcher("systemNotification", env -> projectWide(env, "projects-get", LiveEventKind.SYSTEM_NOTIFICATION)));
    }

    private Flux<Map<String, Object>> taskProgress(DataFetchingEnvironment env) {
        String taskId = env.getArgument("taskId");
        String project = projectOf(rest.data(env.getGraphQlContext(), "tasks-get", Map.of("id", taskId), null, null));
        return stream(LiveFilter.task(project, taskId), since(env, 0))
                .takeUntil(event -> event.data().path("terminal").asBoolean(false))
                .map(LiveEvent::wire);
    }

    private Flux<Map<String, Object>> agentHealth(DataFetchingEnvironment env) {
        String agentId = env.getArgument("agentId");
        String project = projectOf(rest.data(env.getGraphQlContext(), "agents-get", Map.of("id", agentId), null, null));
        return stream(new LiveFilter(project, Set.of(LiveEventKind.AGENT_HEALTH), LiveEvent.agentSubject(agentId)), since(env, -1))
                .map(LiveEvent::wire);
    }

    private Flux<Map<String, Object>> projectWide(DataFetchingEnvironment env, String checkedBy, LiveEventKind kind) {
        Principal caller = env.getGraphQlContext().get(RestCalls.PRINCIPAL);
        String project = Projects.resolve(env.getArgument("projectId"), caller.projectId(), "projectId");
        if (checkedBy.equals("projects-get")) {
            rest.data(env.getGraphQlContext(), checkedBy, Map.of("id", project), null, null);
        } else {
            rest.data(env.getGraphQlContext(), checkedBy, null, Map.of("projectId", project), null);
        }
        return stream(new LiveFilter(project, Set.of(kind), null), since(env, -1)).map(LiveEvent::wire);
    }

    /** The filter's events from {@code since} on; the live subscription lives as long as the GraphQL one. */
    private Flux<LiveEvent> stream(LiveFilter filter, long since) {
        return Flux.create(sink -> {
            var subscription = live.get().subscribe(filter, since, sink::next);
            sink.onDispose(subscription::close);
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    @SuppressWarnings("unchecked")
    private static String projectOf(Object resource) {
        return (String) ((Map<String, Object>) resource).get("projectId");
    }

    private static long since(DataFetchingEnvironment env, long fallback) {
        Integer since = env.getArgument("since");
        if (since == null) return fallback;
        if (since < 0) throw new dev.luna.core.ValidationException("since", "must be the last sequence number seen (an integer >= 0)");
        return since;
    }
}
