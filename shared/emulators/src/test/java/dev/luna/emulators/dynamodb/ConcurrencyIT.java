package dev.luna.emulators.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Conditional writes are atomic: concurrent callers race over real sockets and land exactly once. */
class ConcurrencyIT extends DynamoDbTestSupport {
  private static final int THREADS = 50;
  private static ExecutorService pool;
  private static String table;

  @BeforeAll
  static void setUp() {
    pool = Executors.newFixedThreadPool(THREADS);
    table = createTable("race", null);
  }

  @AfterAll
  static void tearDown() {
    pool.shutdownNow();
  }

  /** Runs the task on every thread at once and returns the results. */
  private static <T> List<T> race(Callable<T> task) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      futures.add(pool.submit(() -> {
        start.await();
        return task.call();
      }));
    }
    start.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get());
    }
    return results;
  }

  @Test
  void exactlyOneConditionalCreateWins() throws Exception {
    for (int round = 0; round < 10; round++) {
      String key = "singleton-" + round;
      AtomicInteger thread = new AtomicInteger();
      List<Boolean> outcomes = race(() -> {
        int me = thread.incrementAndGet();
        try {
          client.putItem(b -> b.tableName(table).item(item("pk", s(key), "owner", n(me)))
              .conditionExpression("attribute_not_exists(pk)"));
          return true;
        } catch (ConditionalCheckFailedException e) {
          return false;
        }
      });
      assertThat(outcomes.stream().filter(won -> won)).as("winners of round %d", round).hasSize(1);
      assertThat(client.getItem(b -> b.tableName(table).key(item("pk", s(key)))).item()).containsKey("owner");
    }
  }

  @Test
  void optimisticVersionedIncrementsNeverLoseAnUpdate() throws Exception {
    client.putItem(b -> b.tableName(table).item(item("pk", s("counter"), "version", n(0), "value", n(0))));
    AtomicInteger conflicts = new AtomicInteger();
    race(() -> {
      while (true) {
        var current = client.getItem(b -> b.tableName(table).key(item("pk", s("counter"))).consistentRead(true)).item();
        String version = current.get("version").n();
        try {
          client.updateItem(b -> b.tableName(table).key(item("pk", s("counter")))
              .updateExpression("SET version = version + :one, #v = #v + :one")
              .conditionExpression("version = :expected")
              .expressionAttributeNames(Map.of("#v", "value"))
              .expressionAttributeValues(Map.of(":one", n(1), ":expected", n(version))));
          return null;
        } catch (ConditionalCheckFailedException e) {
          conflicts.incrementAndGet();
        }
      }
    });
    var counter = client.getItem(b -> b.tableName(table).key(item("pk", s("counter")))).item();
    assertThat(counter.get("value").n()).isEqualTo(String.valueOf(THREADS));
    assertThat(counter.get("version").n()).isEqualTo(String.valueOf(THREADS));
    assertThat(conflicts.get()).as("the race produced real conflicts").isPositive();
  }

  @Test
  void atomicAddsAreNeverLost() throws Exception {
    int perThread = 10;
    race(() -> {
      for (int i = 0; i < perThread; i++) {
        client.updateItem(b -> b.tableName(table).key(item("pk", s("adds"))).updateExpression("ADD hits :one")
            .expressionAttributeValues(Map.of(":one", n(1))));
      }
      return null;
    });
    assertThat(client.getItem(b -> b.tableName(table).key(item("pk", s("adds")))).item().get("hits").n())
        .isEqualTo(String.valueOf(THREADS * perThread));
  }

  @Test
  void concurrentTransfersPreserveTheTotalAndNeverOverdraw() throws Exception {
    List<String> accounts = List.of("acc-a", "acc-b", "acc-c", "acc-d");
    for (String account : accounts) {
      client.putItem(b -> b.tableName(table).item(item("pk", s(account), "balance", n(25))));
    }
    AtomicInteger committed = new AtomicInteger();
    race(() -> {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      for (int i = 0; i < 5; i++) {
        String from = accounts.get(random.nextInt(accounts.size()));
        String to = accounts.get((accounts.indexOf(from) + 1 + random.nextInt(accounts.size() - 1)) % accounts.size());
        int amount = 1 + random.nextInt(20);
        try {
          client.transactWriteItems(b -> b.transactItems(
              TransactWriteItem.builder().update(Update.builder().tableName(table).key(item("pk", s(from)))
                  .updateExpression("SET balance = balance - :amt").conditionExpression("balance >= :amt")
                  .expressionAttributeValues(Map.of(":amt", n(amount))).build()).build(),
              TransactWriteItem.builder().update(Update.builder().tableName(table).key(item("pk", s(to)))
                  .updateExpression("SET balance = balance + :amt")
                  .expressionAttributeValues(Map.of(":amt", n(amount))).build()).build()));
          committed.incrementAndGet();
        } catch (TransactionCanceledException e) {
          assertThat(e.cancellationReasons().getFirst().code()).isEqualTo("ConditionalCheckFailed");
        }
      }
      return null;
    });
    int total = 0;
    for (String account : accounts) {
      int balance = Integer.parseInt(client.getItem(b -> b.tableName(table).key(item("pk", s(account))))
          .item().get("balance").n());
      assertThat(balance).isNotNegative();
      total += balance;
    }
    assertThat(total).isEqualTo(100);
    assertThat(committed.get()).isPositive();
  }
}
