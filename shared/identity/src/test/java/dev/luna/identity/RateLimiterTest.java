package dev.luna.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.emulators.dynamodb.DynamoDbServer;
import dev.luna.store.AwsClients;
import dev.luna.store.LunaConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Request limits over a real DynamoDB wire server (our emulator), with two limiters standing for two function
 * instances: leased or not, together they never admit more than the limit in a window, and a lease serves most
 * requests without a write.
 */
class RateLimiterTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static DynamoDbServer server;
    private static AwsClients aws;
    private static final AtomicLong NOW = new AtomicLong(Instant.parse("2026-12-06T10:00:00Z").toEpochMilli());
    private static final Clock CLOCK = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(NOW.get());
        }
    };

    @BeforeAll
    static void start() {
        server = DynamoDbServer.builder().start();
        var config = LunaConfig.from(Map.of("AWS_REGION", "us-east-1", LunaConfig.DYNAMODB_ENDPOINT, server.endpoint().toString(),
                LunaConfig.RESOURCE_PREFIX, "luna")::get);
        aws = new AwsClients(config);
        aws.dynamo().createTable(b -> b.tableName(config.tableName("rate-limits")).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
    }

    @AfterAll
    static void stop() {
        aws.close();
        server.close();
    }

    private static long stored(String bucket) {
        long start = NOW.get() - NOW.get() % MINUTE.toMillis();
        var item = aws.dynamo().getItem(b -> b.tableName(aws.config().tableName("rate-limits"))
                .key(Map.of("pk", dev.luna.store.Attr.s("RL#" + bucket + "#" + start)))).item();
        return item.isEmpty() ? 0 : Long.parseLong(item.get("used").n());
    }

    /** {@code n} checks spread over the two instances from 8 threads; returns how many were allowed. */
    private static long burst(RateLimiter one, RateLimiter two, String bucket, long limit, int n) throws Exception {
        var calls = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < n; i++) {
            var limiter = i % 2 == 0 ? one : two;
            calls.add(() -> limiter.check(bucket, limit, MINUTE).allowed());
        }
        try (var pool = Executors.newFixedThreadPool(8)) {
            long allowed = 0;
            for (var f : pool.invokeAll(calls)) if (f.get()) allowed++;
            return allowed;
        }
    }

    @Test
    void leasedLimitsAdmitExactlyTheLimitAcrossInstancesWhenTheBurstUsesEveryLease() throws Exception {
        var one = new RateLimiter(aws, CLOCK);
        var two = new RateLimiter(aws, CLOCK);
        // 1,000 a minute leases 10 units at a time
        assertThat(burst(one, two, "key:leased", 1_000, 1_500)).isEqualTo(1_000);
        assertThat(stored("key:leased")).as("the shared counter never passes the limit").isEqualTo(1_000);
        var refused = one.check("key:leased", 1_000, MINUTE);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
    }

    @Test
    void aLeaseServesMostRequestsFromMemoryAndReportsWhatRemains() {
        var one = new RateLimiter(aws, CLOCK);
        var first = one.check("key:memory", 2_000, MINUTE);
        assertThat(first.allowed()).isTrue();
        assertThat(stored("key:memory")).as("one write took a lease of 20").isEqualTo(20);
        assertThat(first.remaining()).isEqualTo(1_999);
        for (int i = 0; i < 19; i++) assertThat(one.check("key:memory", 2_000, MINUTE).allowed()).isTrue();
        assertThat(stored("key:memory")).as("19 more requests, no write").isEqualTo(20);
        var next = one.check("key:memory", 2_000, MINUTE);
        assertThat(stored("key:memory")).isEqualTo(40);
        assertThat(next.remaining()).isEqualTo(1_979);
    }

    @Test
    void anInstanceTakesSingleUnitsWhenFewerThanALeaseRemainAndANewWindowStartsAfresh() {
        var one = new RateLimiter(aws, CLOCK);
        var two = new RateLimiter(aws, CLOCK);
        String bucket = "user:tail";
        // 500 a minute: leases of 5. The other instance leaves 3 units.
        for (int i = 0; i < 497; i++) assertThat(two.consume(bucket, 1, 500, MINUTE).allowed()).isTrue();
        List<Boolean> outcomes = new ArrayList<>();
        for (int i = 0; i < 5; i++) outcomes.add(one.check(bucket, 500, MINUTE).allowed());
        assertThat(outcomes).containsExactly(true, true, true, false, false);
        assertThat(stored(bucket)).isEqualTo(500);
        assertThat(one.check(bucket, 1_000, MINUTE).allowed()).as("a raised limit is asked again").isTrue();

        NOW.addAndGet(MINUTE.toMillis());
        assertThat(one.check(bucket, 500, MINUTE).allowed()).as("the next window").isTrue();
        assertThat(stored(bucket)).isEqualTo(5);
    }

    @Test
    void smallLimitsAreCountedRequestByRequest() {
        var one = new RateLimiter(aws, CLOCK);
        for (int i = 0; i < 20; i++) assertThat(one.check("key:small", 20, MINUTE).allowed()).isTrue();
        assertThat(stored("key:small")).isEqualTo(20);
        assertThat(one.check("key:small", 20, MINUTE).allowed()).isFalse();
    }
}
