package dev.luna.functions.graphql;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import graphql.GraphQLContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import reactor.core.publisher.Mono;

/**
 * Batches the agent lookups of one GraphQL request (a task's {@code agent}): the keys a response level needs are
 * collected first, then each project's agents are read page by page through {@code agents-list} (100 a page, with
 * their health computed in one batch) until every wanted agent is found. A list of tasks therefore costs one
 * agents page per project and 100 agents, never one lookup per task.
 */
final class AgentLoader {
    static final String NAME = "agentsById";
    private static final int PAGE = 100;
    /** Enough for 5,000 agents in one project; beyond that the rest resolve to null rather than scan further. */
    private static final int MAX_PAGES = 50;

    record Key(String projectId, String agentId) {
    }

    private final RestCalls rest;

    AgentLoader(RestCalls rest) {
        this.rest = rest;
    }

    void register(BatchLoaderRegistry registry) {
        registry.<Key, Object>forName(NAME).registerMappedBatchLoader((keys, env) ->
                Mono.fromCallable(() -> load(keys, (GraphQLContext) env.getContext())));
    }

    private Map<Key, Object> load(Set<Key> keys, GraphQLContext context) {
        var wantedByProject = new TreeMap<String, Set<String>>();
        for (var k : keys) wantedByProject.computeIfAbsent(k.projectId(), p -> new TreeSet<>()).add(k.agentId());
        var found = new HashMap<Key, Object>();
        wantedByProject.forEach((project, wanted) -> found.putAll(agentsOf(context, project, wanted)));
        return found;
    }

    @SuppressWarnings("unchecked")
    private Map<Key, Object> agentsOf(GraphQLContext context, String projectId, Set<String> wanted) {
        var found = new LinkedHashMap<Key, Object>();
        var missing = new HashSet<>(wanted);
        String cursor = null;
        for (int page = 0; page < MAX_PAGES && !missing.isEmpty(); page++) {
            var query = new HashMap<String, String>();
            query.put("projectId", projectId);
            query.put("limit", Integer.toString(PAGE));
            query.put("cursor", cursor);
            Map<String, Object> connection;
            try {
                connection = rest.connection(context, "agents-list", null, query);
            } catch (LunaException e) {
                if (e.code() == ErrorCode.NOT_FOUND || e.code() == ErrorCode.FORBIDDEN) return found; // not visible: null agents
                throw e;
            }
            for (var agent : (List<Map<String, Object>>) connection.get("nodes")) {
                String id = (String) agent.get("id");
                if (missing.remove(id)) found.put(new Key(projectId, id), agent);
            }
            cursor = (String) ((Map<String, Object>) connection.get("pageInfo")).get("endCursor");
            if (cursor == null) break;
        }
        return found;
    }
}
