package dev.luna.functions.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Ids;
import dev.luna.core.Json;
import dev.luna.emulators.dynamodb.DynamoDbServer;
import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import dev.luna.store.DataDefinitions;
import dev.luna.store.LunaConfig;
import dev.luna.store.ResourceProvisioner;
import dev.luna.tasks.Priority;
import dev.luna.tasks.RetrySettings;
import dev.luna.tasks.Task;
import dev.luna.tasks.TaskError;
import dev.luna.tasks.TaskStatus;
import dev.luna.tasks.store.TaskStores;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code agents-health-watch} against the embedded DynamoDB: stream records of tasks that ended re-evaluate their
 * agent's health and persist a changed verdict on the agent's head item (what the agents stream then announces).
 */
class HealthWatchIT {
    private final DynamoDbServer dynamo = DynamoDbServer.builder().start();
    private final Clock clock = Clock.systemUTC();
    private final AwsClients aws;
    private final AgentRepository repository;
    private final HealthWatch watch;

    HealthWatchIT() {
        var settings = Map.of(LunaConfig.DYNAMODB_ENDPOINT, dynamo.endpoint().toString(), LunaConfig.RESOURCE_PREFIX, "hwtest",
                LunaConfig.REGION, "us-east-1");
        aws = new AwsClients(LunaConfig.from(settings::get));
        var defs = DataDefinitions.load();
        new ResourceProvisioner(aws).provision(new DataDefinitions(defs.tables(), Map.of(), Map.of(), null));
        repository = new AgentRepository(aws);
        watch = new HealthWatch(AgentDirectory.create(aws, clock));
    }

    @AfterEach
    void stop() {
        aws.close();
        dynamo.close();
    }

    @Test
    void tasksThatEndedReEvaluateTheirAgentAndAChangedVerdictIsPersistedWithItsEvaluation() {
        var agent = runningAgent();
        var tasks = TaskStores.create(aws).tasks();

        // one failure: still healthy (nothing to write); a second in a row: degraded
        var first = failed(agent.id());
        assertThat(tasks.create(first)).isTrue();
        watch.handle(batch(record(first, "running", "1")));
        assertThat(head(agent.id()).get("health").s()).isEqualTo("healthy");
        var second = failed(agent.id());
        assertThat(tasks.create(second)).isTrue();
        var answer = watch.handle(batch(record(second, "running", "2")));

        assertThat(Json.mapper().valueToTree(answer).path("batchItemFailures")).isEmpty();
        var item = head(agent.id());
        assertThat(item.get("health").s()).isEqualTo("degraded");
        assertThat(item.get("healthReason").s()).contains("the last 2 tasks failed");
        var doc = Json.tree(item.get("healthDoc").s());
        assertThat(doc.path("status").asString()).isEqualTo("degraded");
        assertThat(doc.path("agentId").asString()).isEqualTo(agent.id());
        assertThat(doc.path("inputs").path("consecutiveFailures").asInt()).isEqualTo(2);
        assertThat(item).containsKey("healthChangedAt");
    }

    @Test
    void onlyTasksOfAnAgentThatMovedIntoATerminalStatusCount() {
        var ended = failed("agt_a");
        var again = failed("agt_b"); // a later write of a task already failed
        var running = ended.toBuilder();
        running.status = TaskStatus.RUNNING;
        running.agentId = "agt_c";
        var noAgent = ended.toBuilder();
        noAgent.agentId = null;
        var agents = HealthWatch.endedTasksAgents(batch(record(ended, "running", "10"), record(again, "failed", "11"),
                record(running.build(), "queued", "12"), record(noAgent.build(), "running", "13"), record(ended, "running", "14")));
        assertThat(agents).containsExactly(Map.entry("agt_a", "10"));
    }

    private Agent runningAgent() {
        var config = new AgentConfig(Runtime.JAVA, null, null, null, null, null).withDefaults();
        var spec = new AgentSpec("reviewer", "task-executor", "1.0.0", null, config, null).withDefaults();
        Instant now = clock.instant();
        var agent = new Agent(new Ids(clock).next("agt"), "default", spec.name(), spec.type(), spec.version(), null, spec.config(),
                spec.resourceQuota(), AgentStatus.RUNNING, 1, 1, now, now, "usr_admin", now, null, null, null, null);
        var health = AgentDirectory.healthReader(aws, clock).of(agent, null);
        repository.create(agent, new AgentVersion(agent.id(), 1, spec, AgentVersion.Change.CREATED, null, now, "usr_admin"), health);
        return agent;
    }

    private Task failed(String agentId) {
        Instant now = clock.instant();
        var b = new Task.Builder();
        b.id = new Ids(clock).next("tsk");
        b.projectId = "default";
        b.type = "echo";
        b.priority = Priority.NORMAL;
        b.payload = Json.object();
        b.agentId = agentId;
        b.status = TaskStatus.FAILED;
        b.retry = RetrySettings.DEFAULT;
        b.timeoutMs = 30_000;
        b.generation = 1;
        b.revision = 3;
        b.attempts = 1;
        b.createdAt = now;
        b.updatedAt = now;
        b.startedAt = now;
        b.completedAt = now;
        b.error = new TaskError("IllegalStateException", "boom", "working", 1, false, now);
        return b.build();
    }

    private Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> head(String agentId) {
        return aws.dynamo().getItem(b -> b.tableName(aws.config().tableName("agents")).consistentRead(true)
                .key(Attr.key(AgentRepository.pk(agentId), AgentRepository.HEAD))).item();
    }

    /** A tasks-table stream record (NEW_AND_OLD_IMAGES) of a write that moved {@code task} from {@code oldStatus}. */
    private static JsonNode record(Task task, String oldStatus, String sequence) {
        var record = Json.object();
        record.put("eventName", "MODIFY");
        record.put("eventSource", "aws:dynamodb");
        var dynamodb = record.putObject("dynamodb");
        ObjectNode image = dynamodb.putObject("NewImage");
        image.putObject("sk").put("S", "TASK");
        image.putObject("doc").put("S", Json.write(task));
        image.putObject("status").put("S", task.status().wire());
        var old = dynamodb.putObject("OldImage");
        old.putObject("sk").put("S", "TASK");
        old.putObject("status").put("S", oldStatus);
        dynamodb.put("SequenceNumber", sequence);
        dynamodb.put("StreamViewType", "NEW_AND_OLD_IMAGES");
        return record;
    }

    private static JsonNode batch(JsonNode... records) {
        var event = Json.object();
        var array = event.putArray("Records");
        for (var r : records) array.add(r);
        return event;
    }
}
