package dev.luna.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrimingTest {
    @Test
    void runsEveryStepOnceAndCountsTheOnesThatSucceeded() throws Exception {
        var calls = new AtomicInteger();
        var priming = new Priming(List.of(calls::incrementAndGet, () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("DynamoDB unreachable");
        }, calls::incrementAndGet));

        assertThat(priming.primeNow()).isEqualTo(2);
        assertThat(priming.primeNow()).isEqualTo(2);
        priming.startAsync();
        priming.beforeCheckpoint(null);
        assertThat(calls).hasValue(3);
    }

    @Test
    void aCheckpointWaitsForPrimingAlreadyRunningInTheBackground() throws Exception {
        var entered = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var runs = new AtomicInteger();
        var priming = new Priming(List.of(() -> {
            runs.incrementAndGet();
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        priming.startAsync();
        entered.await();

        var checkpointReturned = new CountDownLatch(1);
        var checkpoint = Thread.ofPlatform().start(() -> {
            try {
                priming.beforeCheckpoint(null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            checkpointReturned.countDown();
        });
        assertThat(priming.completion()).isNotDone();
        assertThat(checkpointReturned.getCount()).isEqualTo(1);

        release.countDown();
        checkpoint.join();
        assertThat(checkpointReturned.getCount()).isZero();
        assertThat(priming.completion()).isCompletedWithValue(1);
        assertThat(runs).hasValue(1);
    }

    @Test
    void aRestoreNeedsNothingRecreated() {
        var priming = new Priming(List.of());
        priming.afterRestore(null);
        assertThat(priming.completion()).isNotDone();
    }
}
