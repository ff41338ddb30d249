package dev.luna.local;

import dev.luna.catalog.Catalog;
import dev.luna.core.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-in for EventBridge Scheduler: fires every catalog function with a {@code schedule} trigger on
 * its {@code rate(...)}/{@code cron(...)} expression, invoking the bean through {@link LambdaInvoker} with the
 * scheduled-event JSON Terraform configures as the schedule's input. A run that is still going when the next
 * fire time comes is not overlapped (that fire is skipped).
 */
final class Scheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);
    private final LambdaInvoker invoker;
    private final Clock clock;
    private final String prefix;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "luna-scheduler");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running = true;

    Scheduler(LambdaInvoker invoker, Clock clock, String prefix) {
        this.invoker = invoker;
        this.clock = clock;
        this.prefix = prefix;
    }

    void start(List<Catalog.FunctionSpec> functions) {
        for (var f : functions) {
            var expression = ScheduleExpression.parse(f.trigger().schedule());
            schedule(f, expression, new AtomicBoolean());
            log.debug("scheduled {} on {}", f.name(), f.trigger().schedule());
        }
    }

    private void schedule(Catalog.FunctionSpec f, ScheduleExpression expression, AtomicBoolean busy) {
        if (!running) return;
        Instant now = clock.instant();
        Instant next = expression.next(now);
        timer.schedule(() -> {
            if (!running) return;
            if (busy.compareAndSet(false, true)) {
                Thread.ofVirtual().name("schedule-" + f.name()).start(() -> {
                    try {
                        invoker.invoke(f.bean(), event(f, next, Map.of()));
                    } catch (RuntimeException e) {
                        if (running) log.error("scheduled run of {} failed", f.name(), e);
                    } finally {
                        busy.set(false);
                    }
                });
            } else {
                log.warn("{}: previous run still going; skipping the run of {}", f.name(), next);
            }
            schedule(f, expression, busy);
        }, Math.max(0, next.toEpochMilli() - now.toEpochMilli()), TimeUnit.MILLISECONDS);
    }

    /** The event EventBridge Scheduler delivers to the function (the input Terraform sets on the schedule). */
    byte[] event(Catalog.FunctionSpec f, Instant time, Map<String, Object> detail) {
        var event = new LinkedHashMap<String, Object>();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.scheduler");
        event.put("account", "000000000000");
        event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", "us-east-1");
        event.put("resources", List.of("arn:aws:scheduler:us-east-1:000000000000:schedule/default/" + prefix + "-" + f.name()));
        event.put("detail", detail);
        return Json.writeBytes(event);
    }

    @Override
    public void close() {
        running = false;
        timer.shutdownNow();
    }
}
