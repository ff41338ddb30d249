package dev.luna.functions.platform;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.http.ApiResult;
import dev.luna.store.AwsClients;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Platform readiness: can the functions reach their table store and blob store? */
final class Readiness {
    private final AwsClients aws;

    Readiness(AwsClients aws) {
        this.aws = aws;
    }

    ApiResult check() {
        var checks = new LinkedHashMap<String, Object>();
        boolean ok = probe(checks, "dynamodb", () -> aws.dynamo().describeTable(b -> b.tableName(aws.config().tableName("agents"))));
        ok &= probe(checks, "s3", () -> aws.s3().headBucket(b -> b.bucket(aws.config().bucketName("artifacts"))));
        if (!ok) {
            throw new LunaException(ErrorCode.UNAVAILABLE, "The platform is not ready", Map.of("checks", checks));
        }
        return ApiResult.ok(Map.of("status", "ok", "checks", checks)).header("Cache-Control", "no-store");
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
}
