package dev.luna.functions.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/**
 * The schema's fields, each bound to the REST function of the same operation (named in the schema's descriptions).
 * Arguments become that function's path and query parameters or JSON body, exactly as a REST client would send them.
 */
final class ApiFields {
    private final RestCalls rest;

    ApiFields(RestCalls rest) {
        this.rest = rest;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.scalar(JsonScalar.JSON);
        wiring.type("Query", t -> t
                .dataFetcher("projects", env -> rest.connection(env.getGraphQlContext(), "projects-list", null, page(env)))
                .dataFetcher("project", env -> rest.dataOrNull(env.getGraphQlContext(), "projects-get", id(env)))
                .dataFetcher("agents", env -> agents(env, env.getArgument("projectId")))
                .dataFetcher("agent", env -> rest.dataOrNull(env.getGraphQlContext(), "agents-get", id(env)))
                .dataFetcher("tasks", env -> tasks(env, env.getArgument("projectId")))
                .dataFetcher("task", env -> rest.dataOrNull(env.getGraphQlContext(), "tasks-get", id(env)))
                .dataFetcher("queues", env -> rest.data(env.getGraphQlContext(), "queues-list", null, null, null))
                .dataFetcher("usage", this::usage)
                .dataFetcher("budgets", env -> budgets(env, env.getArgument("projectId")))
                .dataFetcher("ragIndex", env -> rest.dataOrNull(env.getGraphQlContext(), "rag-index-status", id(env))));
        wiring.type("Mutation", t -> t
                .dataFetcher("registerAgent", env -> rest.data(env.getGraphQlContext(), "agents-create", null, null, input(env)))
                .dataFetcher("updateAgent", this::updateAgent)
                .dataFetcher("startAgent", env -> rest.data(env.getGraphQlContext(), "agents-start", id(env), null, null))
                .dataFetcher("stopAgent", env -> rest.data(env.getGraphQlContext(), "agents-stop", id(env), null, null))
                .dataFetcher("submitTask", this::submitTask)
                .dataFetcher("cancelTask", env -> rest.data(env.getGraphQlContext(), "tasks-cancel", id(env), null, null))
                .dataFetcher("retryTask", env -> rest.data(env.getGraphQlContext(), "tasks-retry", id(env), null, null)));
        wiring.type("Project", t -> t
                .dataFetcher("agents", env -> agents(env, source(env, "id")))
                .dataFetcher("tasks", env -> tasks(env, source(env, "id")))
                .dataFetcher("budgets", env -> budgets(env, source(env, "id"))));
        wiring.type("Agent", t -> t
                .dataFetcher("metrics", env -> rest.data(env.getGraphQlContext(), "agents-metrics", Map.of("id", source(env, "id")), null, null))
                .dataFetcher("versions", env -> rest.connection(env.getGraphQlContext(), "agents-versions",
                        Map.of("id", source(env, "id")), page(env))));
        wiring.type("Task", t -> t.dataFetcher("agent", ApiFields::taskAgent));
    }

    private Object agents(DataFetchingEnvironment env, String projectId) {
        var query = page(env);
        query.put("projectId", projectId);
        Map<String, Object> filter = env.getArgument("filter");
        if (filter != null) filter.forEach((k, v) -> query.put(k, v == null ? null : v.toString()));
        return rest.connection(env.getGraphQlContext(), "agents-list", null, query);
    }

    private Object tasks(DataFetchingEnvironment env, String projectId) {
        var query = page(env);
        query.put("projectId", projectId);
        Map<String, Object> filter = env.getArgument("filter");
        if (filter != null) filter.forEach((k, v) -> query.put(k, v == null ? null : v.toString()));
        return rest.connection(env.getGraphQlContext(), "tasks-list", null, query);
    }

    private Object budgets(DataFetchingEnvironment env, String projectId) {
        var query = new HashMap<String, String>();
        query.put("projectId", projectId);
        return rest.data(env.getGraphQlContext(), "tokens-budget-list", null, query, null);
    }

    private Object usage(DataFetchingEnvironment env) {
        var query = new HashMap<String, String>();
        query.put("projectId", env.getArgument("projectId"));
        query.put("from", env.getArgument("from"));
        query.put("to", env.getArgument("to"));
        List<String> groupBy = env.getArgument("groupBy");
        if (groupBy != null) query.put("groupBy", String.join(",", groupBy));
        return rest.data(env.getGraphQlContext(), "tokens-usage", null, query, null);
    }

    private Object updateAgent(DataFetchingEnvironment env) {
        var body = new LinkedHashMap<String, Object>(input(env));
        body.remove("projectId");
        Integer revision = env.getArgument("revision");
        if (revision != null) body.put("revision", revision);
        return rest.data(env.getGraphQlContext(), "agents-update", id(env), null, body);
    }

    private Object submitTask(DataFetchingEnvironment env) {
        var body = new LinkedHashMap<String, Object>(input(env));
        var query = new HashMap<String, String>();
        query.put("projectId", (String) body.remove("projectId"));
        return rest.data(env.getGraphQlContext(), "tasks-submit", null, query, body);
    }

    /** A task's agent through the {@link AgentLoader}: all the agents a response needs are fetched in batches. */
    private static CompletableFuture<Object> taskAgent(DataFetchingEnvironment env) {
        String agentId = source(env, "agentId");
        if (agentId == null) return CompletableFuture.completedFuture(null);
        DataLoader<AgentLoader.Key, Object> loader = env.getDataLoader(AgentLoader.NAME);
        return loader.load(new AgentLoader.Key(source(env, "projectId"), agentId));
    }

    private static Map<String, String> id(DataFetchingEnvironment env) {
        return Map.of("id", env.<String>getArgument("id"));
    }

    private static Map<String, Object> input(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        var body = new LinkedHashMap<String, Object>();
        input.forEach((k, v) -> {
            if (v != null) body.put(k, v);
        });
        return body;
    }

    private static HashMap<String, String> page(DataFetchingEnvironment env) {
        var query = new HashMap<String, String>();
        Integer first = env.getArgument("first");
        if (first != null) query.put("limit", first.toString());
        query.put("cursor", env.getArgument("after"));
        return query;
    }

    @SuppressWarnings("unchecked")
    private static String source(DataFetchingEnvironment env, String field) {
        Object value = ((Map<String, Object>) env.getSource()).get(field);
        return value == null ? null : value.toString();
    }

}
