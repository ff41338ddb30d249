package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/tasks/{id}/events} followed as an EventSource does: reconnect with the last event id after each
 * answer until the 204 that ends the stream.
 */
class TaskEventsIT {
    private static Api api;
    private static String agent;

    @BeforeAll
    static void start() {
        TestRuntime.shared();
        api = TestRuntime.admin();
        agent = TestRuntime.runningTaskAgent(api);
    }

    record Event(long id, String name, JsonNode data) {
    }

    /** One answer's events (an answer may also be only a keep-alive comment). */
    static List<Event> parse(String body) {
        var events = new ArrayList<Event>();
        for (String block : body.split("\n\n")) {
            Long id = null;
            String name = "message";
            var data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("id: ")) id = Long.parseLong(line.substring(4));
                else if (line.startsWith("event: ")) name = line.substring(7);
                else if (line.startsWith("data: ")) data.append(line.substring(6));
            }
            if (!data.isEmpty()) events.add(new Event(id, name, Json.tree(data.toString())));
        }
        return events;
    }

    @Test
    void aClientFollowsEveryStepToTheFinalStatusThenTheStreamEnds() {
        var created = api.post("/api/v1/tasks", "{\"type\":\"echo\",\"agentId\":\"" + agent + "\",\"payload\":{\"message\":\"follow me\",\"steps\":4,\"delayMs\":400}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.data().get("id").asString();
        var seen = new ArrayList<Event>();
        String last = null;
        for (int round = 0; round < 200; round++) {
            var answer = (last == null ? api : api.header("Last-Event-ID", last)).get("/api/v1/tasks/" + id + "/events?wait=10");
            if (answer.status() == 204) break;
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.header("Content-Type")).startsWith("text/event-stream");
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
            assertThat(answer.body()).startsWith("retry: ");
            var events = parse(answer.body());
            for (var e : events) {
                seen.add(e);
                last = Long.toString(e.id());
            }
        }
        assertThat(seen).isNotEmpty();
        for (int i = 1; i < seen.size(); i++) assertThat(seen.get(i).id()).isGreaterThan(seen.get(i - 1).id());
        var finished = seen.get(seen.size() - 1);
        assertThat(finished.name()).isEqualTo("task_status");
        assertThat(finished.data().get("status").asString()).isEqualTo("succeeded");
        assertThat(finished.data().get("progress").get("steps")).hasSize(4);
        assertThat(seen.subList(0, seen.size() - 1)).allSatisfy(e -> assertThat(e.name()).isEqualTo("task_progress"));
        assertThat(seen).extracting(e -> e.data().get("status").asString()).contains("running");
        // the intermediate steps were seen as they completed, not only at the end
        assertThat(seen).anySatisfy(e -> assertThat(e.data().get("progress").get("percentage").asInt()).isBetween(1, 99));
        var task = api.get("/api/v1/tasks/" + id).data();
        assertThat(finished.id()).isEqualTo(task.get("revision").asLong());
        // a client that connects late gets the final state at once; one that has seen it is told to stop
        var late = api.get("/api/v1/tasks/" + id + "/events");
        assertThat(parse(late.body())).singleElement().satisfies(e -> assertThat(e.id()).isEqualTo(finished.id()));
        assertThat(api.header("Last-Event-ID", Long.toString(finished.id())).get("/api/v1/tasks/" + id + "/events").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/tasks/" + id + "/events?lastEventId=" + finished.id()).status()).isEqualTo(204);
    }

    @Test
    void badInputIsA4xxInTheEnvelope() {
        var created = api.post("/api/v1/tasks", "{\"type\":\"echo\",\"agentId\":\"" + agent + "\",\"payload\":{\"message\":\"x\"}}");
        String id = created.data().get("id").asString();
        var badId = api.header("Last-Event-ID", "abc").get("/api/v1/tasks/" + id + "/events");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("error").get("details").get("violations").get(0).get("field").asString()).isEqualTo("Last-Event-ID");
        var badWait = api.get("/api/v1/tasks/" + id + "/events?wait=99");
        assertThat(badWait.status()).isEqualTo(400);
        assertThat(badWait.json().get("error").get("details").get("violations").get(0).get("field").asString()).isEqualTo("wait");
        assertThat(api.get("/api/v1/tasks/tsk_00000000000000000000000000/events?wait=0").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tasks/nope/events").status()).isEqualTo(400);
        assertThat(api.withKey(null).get("/api/v1/tasks/" + id + "/events").status()).isEqualTo(401);
    }
}
