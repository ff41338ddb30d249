package dev.luna.http;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms up what a container's first request would otherwise pay for, once per container: started in the
 * background while Spring finishes starting (the cold-start path), and awaited before a CRaC checkpoint — which is
 * what Lambda SnapStart takes when it publishes a version — so the snapshot holds loaded classes, a built
 * DynamoDB client and bound JSON types. A step that fails is logged and skipped: priming is an optimisation only.
 */
public final class Priming implements Resource {
    private static final Logger log = LoggerFactory.getLogger(Priming.class);
    /** Longest a checkpoint waits for priming (SnapStart's init phase allows far more). */
    static final long CHECKPOINT_WAIT_SECONDS = 60;

    private final List<Runnable> steps;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<Integer> done = new CompletableFuture<>();

    public Priming(List<Runnable> steps) {
        this.steps = List.copyOf(steps);
    }

    /** Starts priming on a daemon thread, unless it already started; returns at once. */
    public void startAsync() {
        if (started.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("luna-prime").start(this::run);
        }
    }

    /** Primes on the calling thread, unless it already started elsewhere; then waits for it to finish. */
    public int primeNow() throws InterruptedException, TimeoutException {
        if (started.compareAndSet(false, true)) run();
        try {
            return done.get(CHECKPOINT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Completes with the number of steps that succeeded. */
    public CompletableFuture<Integer> completion() {
        return done;
    }

    private void run() {
        int ok = 0;
        for (Runnable step : steps) {
            try {
                step.run();
                ok++;
            } catch (RuntimeException e) {
                log.debug("priming step skipped: {}", e.toString());
            }
        }
        done.complete(ok);
    }

    /** CRaC / SnapStart: the snapshot is taken after this returns, so make sure priming has finished. */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
        int ok = primeNow();
        log.info("primed before checkpoint: {}/{} steps", ok, steps.size());
    }

    /**
     * After a restore nothing needs re-creating: the SDK's URLConnection client opens a new connection when a
     * pooled one from the snapshot turns out to be closed, and ids come from {@link java.security.SecureRandom},
     * which is re-seeded on restore (Corretto on SnapStart).
     */
    @Override
    public void afterRestore(Context<? extends Resource> context) {
        log.debug("restored from checkpoint");
    }
}
