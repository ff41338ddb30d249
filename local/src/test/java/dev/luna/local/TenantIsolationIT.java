package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.catalog.Catalog;
import dev.luna.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * The tenant-isolation matrix, generated from the catalog: every authenticated function that acts in a project ×
 * every project role (and a non-member) × own/other project. Callers hold every scope, so the project role decides:
 * in their own project the outcome is 2xx if the role permits the function's scopes and minimum role, else 403; in
 * another project it is always 404. The request is the function's sample event with ids swapped in. A new function
 * is covered automatically; one the harness cannot place in a project must be listed in {@link #NOT_PROJECT_SCOPED}.
 */
class TenantIsolationIT {
    /** Functions that act on the caller's own account, not inside a project (their scopes alone govern them). */
    static final Set<String> NOT_PROJECT_SCOPED = Set.of("projects-create", "projects-list", "api-keys-create", "api-keys-list",
            "api-keys-delete", "audit-list", "auth-keys-rotate",
            // the platform's queues are shared by every project: their depths and latencies are operator data
            "queues-list", "queues-stats",
            // the task types a deployment runs are the same for every project
            "task-types-list",
            // request traces are operator data, for admin:full_access only; an operator's notification may go to any
            // project (or all of them), so it is for admin:full_access only too (LiveStreamsIT checks a 403 without it)
            "admin-traces-get", "admin-notifications-send",
            // the caller itself, and the caller's own devices (a device registered in a project names it with ?projectId=,
            // resolved and role-checked by the same TokenHandlers.project as the tokens functions of this matrix)
            "auth-me", "devices-register", "devices-list", "devices-delete",
            // GraphQL answers 200 with per-field errors: each field runs a REST function of this matrix (GraphqlIT checks
            // that a field of another project's resource is null/NOT_FOUND and a weaker role's mutation is FORBIDDEN)
            "graphql", "graphql-persisted");
    /** Path prefixes of functions that name their project with {@code ?projectId=}. */
    static final List<String> QUERY_SCOPED = List.of("/api/v1/tokens/", "/api/v1/ai/", "/api/v1/tasks", "/api/v1/dead-letters",
            "/api/v1/queues/");
    private static final String ALL_SCOPES = "\"agents:read\",\"agents:write\",\"tasks:read\",\"tasks:write\",\"projects:read\","
            + "\"projects:write\",\"rag:read\",\"rag:write\",\"tokens:read\",\"tokens:write\"";
    private static final List<String> ROLES = List.of("viewer", "developer", "admin", "owner", "outsider");
    private static final Api admin = TestRuntime.admin();
    private static final java.util.Map<String, String> keys = new java.util.HashMap<>();
    private static final java.util.Map<String, String> users = new java.util.HashMap<>();
    private static String other;

    @BeforeAll
    static void people() {
        for (String role : ROLES) {
            String user = "usr_" + role + "_" + TestRuntime.unique("t").replace('-', '_');
            users.put(role, user);
            keys.put(role, IdentityIT.keyFor(admin, user, ALL_SCOPES));
        }
        other = project(false);
    }

    /** A project; with members, every role of the matrix is a member of it. */
    private static String project(boolean withMembers) {
        String id = admin.post("/api/v1/projects", "{\"name\":\"" + TestRuntime.unique("tenant") + "\"}").data().get("id").asString();
        if (withMembers) {
            for (String role : List.of("viewer", "developer", "admin", "owner")) {
                var r = admin.post("/api/v1/projects/" + id + "/members", "{\"userId\":\"" + users.get(role) + "\",\"role\":\"" + role + "\"}");
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
            }
            admin.post("/api/v1/projects/" + id + "/members", "{\"userId\":\"usr_example_member\",\"role\":\"viewer\"}");
        }
        return id;
    }

    private static String agent(String project, String function) {
        String id = admin.post("/api/v1/agents", "{\"projectId\":\"" + project + "\",\"name\":\"" + TestRuntime.unique("iso")
                + "\",\"type\":\"task-executor\",\"version\":\"1.0.0\",\"config\":{\"runtime\":\"java\",\"capabilities\":[\"code-analysis\"]}}")
                .data().get("id").asString();
        if (function.equals("agents-stop")) admin.post("/api/v1/agents/" + id + "/start", null);
        if (function.equals("agents-rollback")) admin.put("/api/v1/agents/" + id, "{\"version\":\"1.0.1\"}");
        return id;
    }

    /** The permission model, written out here independently of the code under test. */
    private static final java.util.Map<String, Set<String>> ROLE_SCOPES = java.util.Map.of(
            "viewer", Set.of("agents:read", "tasks:read", "projects:read", "rag:read", "tokens:read"),
            "developer", Set.of("agents:read", "tasks:read", "projects:read", "rag:read", "tokens:read",
                    "agents:write", "tasks:write", "rag:write", "tokens:write"),
            "admin", Set.of("agents:read", "tasks:read", "projects:read", "rag:read", "tokens:read",
                    "agents:write", "tasks:write", "rag:write", "tokens:write", "projects:write"),
            "owner", Set.of("agents:read", "tasks:read", "projects:read", "rag:read", "tokens:read",
                    "agents:write", "tasks:write", "rag:write", "tokens:write", "projects:write"));
    private static final List<String> RANKS = List.of("viewer", "developer", "admin", "owner");

    /** A running agent of {@code project} able to run the echo and test task types. */
    private static String taskAgent(String project) {
        var caps = new StringBuilder("\"echo\"");
        for (String t : TestTaskTypes.ALL) caps.append(",\"").append(t).append('"');
        String id = admin.post("/api/v1/agents", "{\"projectId\":\"" + project + "\",\"name\":\"" + TestRuntime.unique("iso-tasks")
                + "\",\"type\":\"task-executor\",\"version\":\"1.0.0\",\"config\":{\"runtime\":\"java\",\"capabilities\":[" + caps
                + "],\"retryPolicy\":{\"maxAttempts\":1}}}").data().get("id").asString();
        admin.post("/api/v1/agents/" + id + "/start", null);
        return id;
    }

    /** A task of {@code project} in the state the function needs (finished, failed for retry, long-running for cancel). */
    private static String task(String project, String function) {
        String agent = taskAgent(project);
        String body = switch (function) {
            case "tasks-retry" -> "{\"type\":\"test-fatal\",\"agentId\":\"" + agent + "\",\"payload\":{}}";
            case "tasks-cancel" -> "{\"type\":\"echo\",\"cache\":false,\"agentId\":\"" + agent
                    + "\",\"payload\":{\"message\":\"wait\",\"steps\":20,\"delayMs\":20000}}";
            default -> "{\"type\":\"echo\",\"cache\":false,\"agentId\":\"" + agent + "\",\"payload\":{\"message\":\"m\",\"artifactName\":\"echo.txt\"}}";
        };
        var created = admin.post("/api/v1/tasks?projectId=" + project, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.data().get("id").asString();
        if (function.equals("tasks-retry")) Await.task(admin, id, "failed");
        else if (!function.equals("tasks-cancel")) Await.task(admin, id, "succeeded");
        return id;
    }

    static boolean permitted(String role, Catalog.FunctionSpec f) {
        if (!ROLE_SCOPES.get(role).containsAll(f.scopes())) return false;
        return f.minimumRole() == null || RANKS.indexOf(role) >= RANKS.indexOf(f.minimumRole());
    }

    @TestFactory
    Stream<DynamicTest> matrix() throws IOException {
        var tests = new ArrayList<DynamicTest>();
        var uncovered = new ArrayList<String>();
        for (var f : Catalog.load().httpFunctions()) {
            if (f.isPublic() || NOT_PROJECT_SCOPED.contains(f.name())) continue;
            JsonNode event = sampleEvent(f.name());
            String path = f.trigger().path();
            String kind = path.startsWith("/api/v1/agents") ? "agent"
                    : path.startsWith("/api/v1/projects/{id}") ? "project"
                    : path.startsWith("/api/v1/tasks/{id}") ? "task"
                    : path.startsWith("/api/v1/rag/") || path.startsWith("/api/v1/tokens/optimize") ? "rag"
                    : QUERY_SCOPED.stream().anyMatch(path::startsWith) ? "query" : null;
            if (kind == null) {
                uncovered.add(f.name());
                continue;
            }
            for (String role : ROLES) {
                for (boolean own : List.of(true, false)) {
                    tests.add(DynamicTest.dynamicTest(f.name() + " as " + role + " in " + (own ? "own" : "other") + " project",
                            () -> check(f, event, kind, role, own)));
                }
            }
        }
        assertThat(uncovered).as("functions the matrix cannot place in a project: teach it, or list them in NOT_PROJECT_SCOPED")
                .isEmpty();
        return tests.stream();
    }

    private void check(Catalog.FunctionSpec f, JsonNode event, String kind, String role, boolean own) {
        String project = kind.equals("project") ? (own ? project(true) : project(false)) : (own ? sharedOwnProject() : other);
        String path = event.get("rawPath").asString();
        String body = event.has("body") ? event.get("body").asString() : null;
        String query = event.path("rawQueryString").asString("");
        if (kind.equals("agent")) {
            if (f.trigger().path().contains("{id}")) {
                path = path.replace("agt_01JEXAMPLE0000000000000000", agent(project, f.name()));
            } else if (body != null) {
                body = body.replaceFirst("\\{", "{\"projectId\":\"" + project + "\",");
            } else {
                query = "projectId=" + project + (query.isEmpty() ? "" : "&" + query);
            }
        } else if (kind.equals("rag")) {
            // sample events name the example project in the body or the query, and an example job or context in the path
            // one job and one context per project serve every role, except where the function deletes the context
            if (path.contains("job_01JEXAMPLE0000000000000000")) {
                path = path.replace("job_01JEXAMPLE0000000000000000", ragJobs.computeIfAbsent(project, p -> RagFixtures.job(admin, p)));
            }
            if (path.contains("ctx_000000000000000000000abc")) {
                String ctx = f.name().equals("rag-context-delete") ? RagFixtures.context(admin, project)
                        : ragContexts.computeIfAbsent(project, p -> RagFixtures.context(admin, p));
                path = path.replace("ctx_000000000000000000000abc", ctx);
            }
            if (body != null) body = body.replace("prj_01JEXAMPLE0000000000000000", project);
            query = query.replace("prj_01JEXAMPLE0000000000000000", project);
        } else if (kind.equals("project")) {
            path = path.replace("prj_01JEXAMPLE0000000000000000", project);
        } else if (kind.equals("task")) {
            path = path.replace("tsk_01JEXAMPLE0000000000000000", task(project, f.name()));
        } else {
            query = "projectId=" + project + (query.isEmpty() ? "" : "&" + query);
            if (body != null && body.contains("agt_01JEXAMPLE0000000000000000")) {
                body = body.replace("agt_01JEXAMPLE0000000000000000", taskAgent(project));
            }
        }
        var api = new Api(TestRuntime.shared().baseUri(), keys.get(role));
        var r = api.send(f.trigger().method(), path + (query.isEmpty() ? "" : "?" + query), body);
        int expected;
        if (!own || role.equals("outsider")) expected = 404;
        else expected = permitted(role, f) ? 200 : 403;
        if (expected == 200) {
            assertThat(r.status()).as(f.name() + " as " + role + ": " + r).isBetween(200, 299);
        } else {
            assertThat(r.status()).as(f.name() + " as " + role + (own ? " in own" : " in other") + " project: " + r).isEqualTo(expected);
        }
    }

    private static String ownProject;
    private static final java.util.Map<String, String> ragJobs = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<String, String> ragContexts = new java.util.concurrent.ConcurrentHashMap<>();

    private static synchronized String sharedOwnProject() {
        if (ownProject == null) ownProject = project(true);
        return ownProject;
    }

    private static JsonNode sampleEvent(String function) throws IOException {
        Path dir = Paths.root().resolve("events").resolve(function);
        try (var files = Files.list(dir)) {
            Path first = files.filter(p -> p.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
            return Json.tree(Files.readString(first));
        }
    }

}
