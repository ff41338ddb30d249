package dev.luna.local;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a condition holds, for asynchronous outcomes (tasks run on queue pollers); fails after a generous bound. */
final class Await {
    private Await() {
    }

    static <T> T until(Supplier<T> probe, Predicate<T> condition, String what) {
        return until(probe, condition, what, Duration.ofSeconds(30));
    }

    static <T> T until(Supplier<T> probe, Predicate<T> condition, String what, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        T last = probe.get();
        while (!condition.test(last)) {
            if (System.nanoTime() > deadline) throw new AssertionError("gave up waiting for " + what + "; last seen: " + last);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }

    /** Waits until the task reaches {@code status} and returns its representation. */
    static Api.Response task(Api api, String id, String status) {
        return until(() -> api.get("/api/v1/tasks/" + id), r -> r.status() == 200 && r.data().get("status").asString().equals(status),
                "task " + id + " to be " + status);
    }
}
