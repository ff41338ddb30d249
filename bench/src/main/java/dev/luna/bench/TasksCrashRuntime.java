package dev.luna.bench;

import dev.luna.local.LocalRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The local runtime with the benchmark task types, for {@code scripts/bench/tasks-crash}: started on a port and a
 * data directory, writes the DynamoDB stand-in's endpoint to {@code <data>/endpoints.properties} (so the checker can
 * read effect counters), then runs until killed.
 * Usage: TasksCrashRuntime PORT (0 = any free one) DATA_DIR
 */
public final class TasksCrashRuntime {
    static final String KEY = "luna_crash_admin_key_000000000000001";

    private TasksCrashRuntime() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path data = Path.of(args[1]);
        var runtime = LocalRuntime.builder().port(port).dataDirectory(data).adminKey(KEY)
                .setting("LUNA_RATE_LIMIT_PER_KEY", "100000000").setting("LUNA_RATE_LIMIT_PER_USER", "100000000")
                .initializer(BenchTaskTypes::register).start();
        Files.writeString(data.resolve("endpoints.properties"), "dynamodb=" + runtime.emulators().dynamoEndpoint() + "\n");
        System.out.println("READY " + runtime.baseUri());
        new CountDownLatch(1).await();
    }
}
