package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Hashes;
import dev.luna.core.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The GraphQL API over real HTTP against the local runtime: the same answers, permissions and project isolation as
 * REST (the fields run the REST functions), batching of agent lookups measured at the DynamoDB emulator, the query
 * limits, persisted queries, and bad HTTP input answered in the platform's error envelope.
 */
class GraphqlIT {
    private static final Api admin = TestRuntime.admin();

    private static Api.Response graphql(Api api, String query, Map<String, Object> variables) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("query", query);
        if (variables != null) body.put("variables", variables);
        return api.post("/api/v1/graphql", Json.write(body));
    }

    private static JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json().has("errors")).as(r.toString()).isFalse();
        return r.json().get("data");
    }

    private static JsonNode firstError(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("errors").size()).as(r.toString()).isGreaterThan(0);
        return r.json().path("errors").get(0);
    }

    private static String project() {
        return admin.post("/api/v1/projects", "{\"name\":\"" + TestRuntime.unique("gql") + "\"}").data().get("id").asString();
    }

    private static final String REGISTER = """
            mutation Register($input: AgentInput!) { registerAgent(input: $input) { id projectId name status revision versionNumber } }""";

    private static String register(Api api, String project, String name) {
        var data = ok(graphql(api, REGISTER, Map.of("input", Map.of("projectId", project, "name", name, "type", "task-executor",
                "version", "1.0.0", "config", Map.of("runtime", "java", "capabilities", List.of("echo")),
                "resourceQuota", Map.of("maxConcurrentTasks", 1000)))));
        return data.get("registerAgent").get("id").asString();
    }

    @Test
    void mutationsAndQueriesGoThroughTheRestFunctions() {
        String project = project();
        String agent = register(admin, project, TestRuntime.unique("gql-agent"));
        var rest = admin.get("/api/v1/agents/" + agent);
        assertThat(rest.status()).isEqualTo(200);
        assertThat(rest.data().get("projectId").asString()).isEqualTo(project);

        var started = ok(graphql(admin, "mutation($id: ID!) { startAgent(id: $id) { id status } }", Map.of("id", agent)));
        assertThat(started.get("startAgent").get("status").asString()).isEqualTo("running");
        assertThat(admin.get("/api/v1/agents/" + agent).data().get("status").asString()).isEqualTo("running");

        var submitted = ok(graphql(admin, """
                mutation($input: TaskInput!) { submitTask(input: $input) { id projectId type status priority agentId } }""",
                Map.of("input", Map.of("projectId", project, "type", "echo", "priority", "high", "agentId", agent,
                        "payload", Map.of("message", "hello graphql", "steps", 2, "delayMs", 10), "cache", false))));
        String task = submitted.get("submitTask").get("id").asString();
        assertThat(submitted.get("submitTask").get("projectId").asString()).isEqualTo(project);
        Await.task(admin, task, "succeeded");

        var read = ok(graphql(admin, """
                query($id: ID!, $agent: ID!, $project: ID!) {
                  task(id: $id) { id status result agent { id name status health { status } } }
                  agent(id: $agent) { id versionNumber metrics versions(first: 5) { nodes { versionNumber change } pageInfo { hasNextPage } } }
                  agents(projectId: $project, filter: {status: "running"}) { nodes { id } pageInfo { endCursor hasNextPage } }
                  tasks(projectId: $project, filter: {status: "succeeded", type: "echo"}, first: 10) { nodes { id status } }
                  project(id: $project) { id name yourRole agents { nodes { id } } budgets { monthlyLimitUsd } }
                  queues { id priority depth }
                  usage(projectId: $project, groupBy: ["day"])
                }""", Map.of("id", task, "agent", agent, "project", project)));
        var restTask = admin.get("/api/v1/tasks/" + task).data();
        assertThat(read.get("task").get("status").asString()).isEqualTo("succeeded");
        assertThat(read.get("task").get("result")).isEqualTo(restTask.get("result"));
        assertThat(read.get("task").get("agent").get("id").asString()).isEqualTo(agent);
        assertThat(read.get("agent").get("versions").get("nodes").get(0).get("versionNumber").asInt()).isEqualTo(1);
        assertThat(read.get("agent").get("metrics").get("agentId").asString()).isEqualTo(agent);
        assertThat(read.get("agents").get("nodes")).extracting(n -> n.get("id").asString()).containsExactly(agent);
        assertThat(read.get("tasks").get("nodes")).extracting(n -> n.get("id").asString()).containsExactly(task);
        assertThat(read.get("project").get("agents").get("nodes")).hasSize(1);
        assertThat(read.get("queues")).hasSize(5);
        assertThat(read.get("usage").isObject()).as(read.toString()).isTrue();

        var stopped = ok(graphql(admin, "mutation($id: ID!) { stopAgent(id: $id) { status } }", Map.of("id", agent)));
        assertThat(stopped.get("stopAgent").get("status").asString()).isEqualTo("stopped");
        var updated = ok(graphql(admin, "mutation($id: ID!) { updateAgent(id: $id, input: {version: \"1.1.0\"}) { version versionNumber } }",
                Map.of("id", agent)));
        assertThat(updated.get("updateAgent").get("versionNumber").asInt()).isEqualTo(2);

        ok(graphql(admin, "mutation($id: ID!) { startAgent(id: $id) { id } }", Map.of("id", agent)));
        String slow = ok(graphql(admin, """
                mutation($p: ID!, $a: ID!) { submitTask(input: {projectId: $p, type: "echo", agentId: $a, cache: false,
                  payload: {message: "wait", steps: 20, delayMs: 20000}}) { id } }""", Map.of("p", project, "a", agent)))
                .get("submitTask").get("id").asString();
        var cancelled = ok(graphql(admin, "mutation($id: ID!) { cancelTask(id: $id) { id cancelRequested status } }", Map.of("id", slow)));
        assertThat(cancelled.get("cancelTask").get("cancelRequested").asBoolean()).isTrue();
        Await.task(admin, slow, "cancelled");
        var retried = ok(graphql(admin, "mutation($id: ID!) { retryTask(id: $id) { id status } }", Map.of("id", slow)));
        assertThat(retried.get("retryTask").get("status").asString()).isIn("queued", "pending", "running");
        assertThat(admin.get("/api/v1/tasks/" + slow).data().get("status").asString()).isNotEqualTo("cancelled");
        ok(graphql(admin, "mutation($id: ID!) { cancelTask(id: $id) { id } }", Map.of("id", slow)));
    }

    @Test
    void restErrorsArriveWithTheirCodeInExtensions() {
        String project = project();
        String agent = register(admin, project, TestRuntime.unique("gql-err"));
        // an invalid transition: stopping an agent that never started
        var error = firstError(graphql(admin, "mutation($id: ID!) { stopAgent(id: $id) { status } }", Map.of("id", agent)));
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("INVALID_TRANSITION");
        assertThat(error.path("extensions").path("status").asInt()).isEqualTo(409);
        assertThat(error.path("path").get(0).asString()).isEqualTo("stopAgent");
        // a validation failure names the field, as REST does
        var invalid = firstError(graphql(admin, REGISTER, Map.of("input", Map.of("projectId", project, "name", "x", "type", "task-executor",
                "version", "not-semver", "config", Map.of("runtime", "java")))));
        assertThat(invalid.path("extensions").path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(invalid.toString()).contains("version");
        // a page size out of REST's range
        var page = firstError(graphql(admin, "{ projects(first: 1000) { nodes { id } } }", null));
        assertThat(page.path("extensions").path("code").asString()).isEqualTo("VALIDATION_FAILED");
        // unknown ids are null, not errors
        assertThat(ok(graphql(admin, "{ agent(id: \"agt_01JNOSUCHAGENT000000000000\") { id } }", null)).get("agent").isNull()).isTrue();
    }

    @Test
    void projectIsolationAndScopesAreRests() {
        String mine = project();
        String theirs = project();
        String theirAgent = register(admin, theirs, TestRuntime.unique("theirs"));
        String user = "usr_" + TestRuntime.unique("gqlviewer").replace('-', '_');
        var member = admin.post("/api/v1/projects/" + mine + "/members", "{\"userId\":\"" + user + "\",\"role\":\"viewer\"}");
        assertThat(member.status()).as(member.toString()).isEqualTo(200);
        var viewer = admin.withKey(IdentityIT.keyFor(admin, user,
                "\"agents:read\",\"agents:write\",\"tasks:read\",\"projects:read\",\"tokens:read\",\"rag:read\""));

        // another project's agent does not exist for the caller: null by id, NOT_FOUND on a mutation, absent from lists
        assertThat(ok(graphql(viewer, "query($id: ID!) { agent(id: $id) { id } }", Map.of("id", theirAgent))).get("agent").isNull()).isTrue();
        var start = firstError(graphql(viewer, "mutation($id: ID!) { startAgent(id: $id) { id } }", Map.of("id", theirAgent)));
        assertThat(start.path("extensions").path("code").asString()).isEqualTo("NOT_FOUND");
        var list = firstError(graphql(viewer, "query($p: ID!) { agents(projectId: $p) { nodes { id } } }", Map.of("p", theirs)));
        assertThat(list.path("extensions").path("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(ok(graphql(viewer, "{ projects { nodes { id } } }", null)).get("projects").get("nodes"))
                .extracting(n -> n.get("id").asString()).contains(mine).doesNotContain(theirs);

        // in its own project a viewer may read but not write (role), and without tasks:write it may not submit (scope)
        var register = firstError(graphql(viewer, REGISTER, Map.of("input", Map.of("projectId", mine, "name", "v", "type", "task-executor",
                "version", "1.0.0", "config", Map.of("runtime", "java")))));
        assertThat(register.path("extensions").path("code").asString()).isEqualTo("FORBIDDEN");
        var submit = firstError(graphql(viewer, "mutation($p: ID!) { submitTask(input: {projectId: $p, type: \"echo\", payload: {message: \"x\"}}) { id } }",
                Map.of("p", mine)));
        assertThat(submit.path("extensions").path("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(submit.path("message").asString()).contains("tasks:write");

        // no credentials: the HTTP request itself is refused, in the envelope
        var anonymous = admin.withKey(null).post("/api/v1/graphql", "{\"query\":\"{ queues { id } }\"}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void tasksAgentsAreLoadedInBatchesNotOnePerTask() {
        String project = project();
        var agents = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            String id = register(admin, project, TestRuntime.unique("batch"));
            ok(graphql(admin, "mutation($id: ID!) { startAgent(id: $id) { id } }", Map.of("id", id)));
            agents.add(id);
        }
        var tasks = new ArrayList<String>();
        for (int i = 0; i < 30; i++) {
            var r = admin.post("/api/v1/tasks?projectId=" + project, """
                    {"type":"echo","agentId":"%s","payload":{"message":"m%d"},"cache":false}""".formatted(agents.get(i % 3), i));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            tasks.add(r.data().get("id").asString());
        }
        for (String t : tasks) Await.task(admin, t, "succeeded");
        String query = "query($p: ID!, $n: Int) { tasks(projectId: $p, first: $n) { nodes { id agentId agent { id name } } } }";

        long few = agentTableRequests(() -> {
            var data = ok(graphql(admin, query, Map.of("p", project, "n", 3)));
            assertThat(data.get("tasks").get("nodes")).hasSize(3);
        });
        long many = agentTableRequests(() -> {
            var data = ok(graphql(admin, query, Map.of("p", project, "n", 30)));
            assertThat(data.get("tasks").get("nodes")).hasSize(30);
            for (var node : data.get("tasks").get("nodes")) {
                assertThat(node.get("agent").get("id").asString()).isEqualTo(node.get("agentId").asString());
            }
        });
        System.out.printf("GraphqlIT: agents-table requests for 3 tasks: %d, for 30 tasks: %d%n", few, many);
        // one agents page for the whole response, whether it shows 3 tasks or 30 (with one lookup per task, 30 would cost 30)
        assertThat(many).as("agents-table requests for 30 tasks (3 tasks took %d)", few).isLessThanOrEqualTo(few + 1).isLessThan(5);
    }

    /**
     * Requests to the agents table while {@code action} runs; the fewest of three runs, so a scheduled health check that
     * happens to read the table meanwhile does not count against the query.
     */
    private static long agentTableRequests(Runnable action) {
        var dynamo = TestRuntime.shared().emulators().dynamo();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = dynamo.requestsTo("-agents");
            action.run();
            fewest = Math.min(fewest, dynamo.requestsTo("-agents") - before);
        }
        return fewest;
    }

    @Test
    void limitsRefuseAbusiveDocumentsWithClearErrors() {
        var aliases = new StringBuilder("{");
        for (int i = 0; i < 10_000; i++) aliases.append(" a").append(i).append(": queues { id }");
        var tooMany = firstError(graphql(admin, aliases.append('}').toString(), null));
        assertThat(tooMany.path("extensions").path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(tooMany.path("message").asString()).contains("5,000").containsIgnoringCase("token");

        var wide = new StringBuilder("{");
        for (int i = 0; i < 400; i++) wide.append(" q").append(i).append(": queues { id }");
        var complex = firstError(graphql(admin, wide.append('}').toString(), null));
        assertThat(complex.path("extensions").path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(complex.path("message").asString()).containsIgnoringCase("complexity");

        var deep = "{ __schema { types { fields { type " + "{ ofType ".repeat(15) + "{ name }" + " }".repeat(15) + " } } } }";
        var depth = firstError(graphql(admin, deep, null));
        assertThat(depth.path("extensions").path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(depth.path("message").asString()).containsIgnoringCase("depth");

        var syntax = firstError(graphql(admin, "{ queues { id ", null));
        assertThat(syntax.path("extensions").path("code").asString()).isEqualTo("VALIDATION_FAILED");
        var unknownField = firstError(graphql(admin, "{ queues { nope } }", null));
        assertThat(unknownField.path("extensions").path("classification").asString()).isEqualTo("ValidationError");
    }

    @Test
    void introspectionIsOn() {
        var data = ok(graphql(admin, graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY, null));
        assertThat(data.get("__schema").get("queryType").get("name").asString()).isEqualTo("Query");
        assertThat(data.get("__schema").get("mutationType").get("name").asString()).isEqualTo("Mutation");
    }

    @Test
    void persistedQueriesRunByGetAndByHash() throws Exception {
        String document = Files.readString(Paths.root().resolve(
                "functions/graphql/src/main/resources/graphql/persisted/agents-overview.graphql"), StandardCharsets.UTF_8);
        String hash = Hashes.sha256(document);
        String project = project();
        String agent = register(admin, project, TestRuntime.unique("persisted"));
        String vars = URLEncoder.encode("{\"projectId\":\"" + project + "\"}", StandardCharsets.UTF_8);

        var byId = ok(admin.get("/api/v1/graphql?id=" + hash + "&variables=" + vars));
        assertThat(byId.get("agents").get("nodes")).extracting(n -> n.get("id").asString()).containsExactly(agent);
        String apq = URLEncoder.encode("{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}", StandardCharsets.UTF_8);
        assertThat(ok(admin.get("/api/v1/graphql?extensions=" + apq + "&variables=" + vars))).isEqualTo(byId);
        var posted = admin.post("/api/v1/graphql", "{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash
                + "\"}},\"variables\":{\"projectId\":\"" + project + "\"}}");
        assertThat(ok(posted)).isEqualTo(byId);

        var unknown = admin.get("/api/v1/graphql?id=" + "0".repeat(64));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
        var adHoc = admin.get("/api/v1/graphql?query=" + URLEncoder.encode("{ queues { id } }", StandardCharsets.UTF_8));
        assertThat(adHoc.status()).isEqualTo(400);
        assertThat(adHoc.errorCode()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void badHttpInputIsA400InTheEnvelope() {
        var notJson = admin.post("/api/v1/graphql", "query { queues { id } }");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.errorCode()).isEqualTo("MALFORMED_JSON");
        var noQuery = admin.post("/api/v1/graphql", "{\"variables\":{}}");
        assertThat(noQuery.status()).isEqualTo(400);
        assertThat(noQuery.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(noQuery.body()).contains("query");
        var wrongType = admin.post("/api/v1/graphql", "{\"query\":42}");
        assertThat(wrongType.status()).isEqualTo(400);
        var badVariables = admin.post("/api/v1/graphql", "{\"query\":\"{ queues { id } }\",\"variables\":[1]}");
        assertThat(badVariables.status()).isEqualTo(400);
        assertThat(badVariables.errorCode()).isEqualTo("VALIDATION_FAILED");
    }
}
