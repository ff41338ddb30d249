package dev.luna.functions.platform;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.http.ApiResult;
import dev.luna.store.AwsClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Platform readiness: can the functions reach their table store and blob store? The deep probe (DynamoDB DescribeTable,
 * S3 HeadBucket) runs at most once per {@code maxAge} per function instance, by one caller while the others wait for
 * its answer, so a load balancer polling every second or a burst of uptime checks costs no more than one probe each
 * few seconds. The answer says when its probe ran ({@code checkedAt}) and how old it is ({@code ageMs}).
 */
final class Readiness {
    static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(5);
    private final AwsClients aws;
    private final Clock clock;
    private final Duration maxAge;
    private volatile Probe last;

    Readiness(AwsClients aws, Clock clock, Duration maxAge) {
        this.aws = aws;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    ApiResult check() {
        Probe probe = current();
        long ageMs = Duration.between(probe.at(), clock.instant()).toMillis();
        var body = new LinkedHashMap<String, Object>();
        body.put("checks", probe.checks());
        body.put("checkedAt", probe.at().toString());
        body.put("ageMs", Math.max(0, ageMs));
        if (!probe.ok()) throw new LunaException(ErrorCode.UNAVAILABLE, "The platform is not ready", body);
        var data = new LinkedHashMap<String, Object>();
        data.put("status", "ok");
        data.putAll(body);
        return ApiResult.ok(data).header("Cache-Control", "no-store");
    }

    private Probe current() {
        Probe seen = last;
        if (fresh(seen)) return seen;
        synchronized (this) {
            if (!fresh(last)) last = probe();
            return last;
        }
    }

    private boolean fresh(Probe probe) {
        return probe != null && probe.at().plus(maxAge).isAfter(clock.instant());
    }

    private Probe probe() {
        var checks = new LinkedHashMap<String, Object>();
        boolean ok = probe(checks, "dynamodb", () -> aws.dynamo().describeTable(b -> b.tableName(aws.config().tableName("agents"))));
        ok &= probe(checks, "s3", () -> aws.s3().headBucket(b -> b.bucket(aws.config().bucketName("artifacts"))));
        return new Probe(clock.instant(), ok, Map.copyOf(checks));
    }

    private static boolean probe(Map<String, Object> checks, String name, Supplier<?> call) {
        long t0 = System.nanoTime();
        try {
            call.get();
            checks.put(name, Map.of("status", "ok", "latencyMs", (System.nanoTime() - t0) / 1_000_000.0));
            return true;
        } catch (RuntimeException e) {
            checks.put(name, Map.of("status", "unavailable", "error", e.getClass().getSimpleName()));
            return false;
        }
    }

    private record Probe(Instant at, boolean ok, Map<String, Object> checks) {
    }
}
