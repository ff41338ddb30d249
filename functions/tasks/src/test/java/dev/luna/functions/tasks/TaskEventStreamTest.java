package dev.luna.functions.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.luna.core.ValidationException;
import dev.luna.tasks.Priority;
import dev.luna.tasks.Progress;
import dev.luna.tasks.RetrySettings;
import dev.luna.tasks.Task;
import dev.luna.tasks.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TaskEventStreamTest {
    private final TaskEventStream stream = new TaskEventStream(Duration.ofMillis(10));

    private static Task task(TaskStatus status, long revision, int percentage) {
        var b = new Task.Builder();
        b.id = "tsk_01JEXAMPLE0000000000000000";
        b.projectId = "default";
        b.type = "echo";
        b.priority = Priority.NORMAL;
        b.status = status;
        b.progress = Progress.NONE.withStage("working", percentage, 3L, null);
        b.retry = new RetrySettings(3, 50, 2, 200);
        b.revision = revision;
        b.updatedAt = Instant.parse("2026-12-05T08:00:00Z");
        return b.build();
    }

    @Test
    void aNewerRevisionIsSentAtOnceWithItsIdAndTheWholeState() {
        var answer = stream.next(() -> task(TaskStatus.RUNNING, 7, 40), 5, 20);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.rawContentType()).startsWith("text/event-stream");
        assertThat(answer.rawBody()).startsWith("retry: 250\nid: 7\nevent: task_progress\ndata: {")
                .contains("\"status\":\"running\"").contains("\"percentage\":40").contains("\"eta\":3").endsWith("}\n\n");
    }

    @Test
    void theStreamWaitsForTheNextChangeThenSendsIt() {
        var reads = new AtomicInteger();
        var answer = stream.next(() -> reads.incrementAndGet() < 5 ? task(TaskStatus.RUNNING, 7, 40) : task(TaskStatus.SUCCEEDED, 8, 100), 7, 20);
        assertThat(reads).hasValue(5);
        assertThat(answer.rawBody()).contains("id: 8\nevent: task_status\n").contains("\"status\":\"succeeded\"");
    }

    @Test
    void withoutAChangeTheAnswerIsAKeepAliveAndAFinishedTaskAlreadySeenIsA204() {
        var quiet = stream.next(() -> task(TaskStatus.RUNNING, 7, 40), 7, 0);
        assertThat(quiet.status()).isEqualTo(200);
        assertThat(quiet.rawBody()).isEqualTo("retry: 250\n: no change in 0 s\n\n");
        assertThat(stream.next(() -> task(TaskStatus.FAILED, 9, 100), 9, 20).status()).isEqualTo(204);
    }

    @Test
    void theLastEventIdAndTheWaitAreChecked() {
        assertThat(TaskEventStream.lastEventId(null, null)).isEqualTo(-1);
        assertThat(TaskEventStream.lastEventId(" 12 ", "3")).isEqualTo(12);
        assertThat(TaskEventStream.lastEventId("", "3")).isEqualTo(3);
        assertThatThrownBy(() -> TaskEventStream.lastEventId("-1", null)).isInstanceOf(ValidationException.class).hasMessageContaining("Last-Event-ID");
        assertThatThrownBy(() -> TaskEventStream.lastEventId(null, "x")).isInstanceOf(ValidationException.class).hasMessageContaining("lastEventId");
        assertThat(TaskEventStream.waitSeconds(null)).isEqualTo(20);
        assertThat(TaskEventStream.waitSeconds("0")).isZero();
        assertThatThrownBy(() -> TaskEventStream.waitSeconds("26")).isInstanceOf(ValidationException.class).hasMessageContaining("wait");
        assertThatThrownBy(() -> TaskEventStream.waitSeconds("soon")).isInstanceOf(ValidationException.class);
    }
}
