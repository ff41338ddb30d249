package dev.luna.emulators.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** Tables and items survive restarts on the same data directory, including a crash mid-write. */
class PersistenceIT extends DynamoDbTestSupport {
  @TempDir
  Path dir;

  /** Starts a persistent server on {@link #dir}, runs the action with a client, and closes both. */
  private void withServer(Consumer<DynamoDbClient> action) {
    try (DynamoDbServer persistent = DynamoDbServer.builder().dataDirectory(dir).start();
        DynamoDbClient persistentClient = clientFor(persistent)) {
      action.accept(persistentClient);
    }
  }

  private static Map<String, AttributeValue> get(DynamoDbClient c,
      String table, String pk) {
    var response = c.getItem(b -> b.tableName(table).key(item("pk", s(pk))));
    return response.hasItem() ? response.item() : null;
  }

  @Test
  void tablesItemsIndexesAndTtlSurviveARestart() {
    withServer(c -> {
      c.createTable(tableRequest("orders", null, List.of(gsi("byCustomer", ProjectionType.ALL, hash("customer"))))
          .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("customer", ScalarAttributeType.S))
          .build());
      c.createTable(tableRequest("gone", null, List.of()).build());
      c.updateTimeToLive(b -> b.tableName("orders").timeToLiveSpecification(t -> t.enabled(true).attributeName("ttl")));
      for (int i = 0; i < 10; i++) {
        int n = i;
        c.putItem(b -> b.tableName("orders").item(item("pk", s("o" + n), "customer", s("c" + n % 2), "n", n(n))));
      }
      c.updateItem(b -> b.tableName("orders").key(item("pk", s("o1"))).updateExpression("SET n = n + :k")
          .expressionAttributeValues(Map.of(":k", n(100))));
      c.deleteItem(b -> b.tableName("orders").key(item("pk", s("o2"))));
      c.putItem(b -> b.tableName("gone").item(item("pk", s("x"))));
      c.deleteTable(b -> b.tableName("gone"));
    });
    assertThat(dir.resolve("gone.log")).doesNotExist();
    assertThat(dir.resolve("gone.table.json")).doesNotExist();

    withServer(c -> {
      assertThat(c.listTables().tableNames()).containsExactly("orders");
      var table = c.describeTable(b -> b.tableName("orders")).table();
      assertThat(table.itemCount()).isEqualTo(9);
      assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(g -> assertThat(g.indexName()).isEqualTo("byCustomer"));
      var ttl = c.describeTimeToLive(b -> b.tableName("orders")).timeToLiveDescription();
      assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
      assertThat(ttl.attributeName()).isEqualTo("ttl");
      assertThat(get(c, "orders", "o1")).containsEntry("n", n(101));
      assertThat(get(c, "orders", "o2")).isNull();
      var customerOne = c.query(b -> b.tableName("orders").indexName("byCustomer").keyConditionExpression("customer = :c")
          .expressionAttributeValues(Map.of(":c", s("c1"))));
      assertThat(customerOne.items()).extracting(i -> i.get("pk").s()).containsExactlyInAnyOrder("o1", "o3", "o5", "o7", "o9");
      assertThatThrownBy(() -> c.describeTable(b -> b.tableName("gone"))).isInstanceOf(ResourceNotFoundException.class);
    });
  }

  @Test
  void aTornLastLineIsIgnoredAndLaterWritesStayReadable() throws IOException {
    withServer(c -> {
      c.createTable(tableRequest("torn", null, List.of()).build());
      c.putItem(b -> b.tableName("torn").item(item("pk", s("kept"), "v", n(1))));
    });
    Path log = dir.resolve("torn.log");
    Files.writeString(log, "{\"put\":{\"pk\":{\"S\":\"half", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    withServer(c -> {
      assertThat(get(c, "torn", "kept")).containsEntry("v", n(1));
      assertThat(c.scan(b -> b.tableName("torn")).count()).isEqualTo(1);
      c.putItem(b -> b.tableName("torn").item(item("pk", s("after"), "v", n(2))));
    });
    assertThat(Files.readString(log)).doesNotContain("half");

    withServer(c -> {
      assertThat(get(c, "torn", "kept")).containsEntry("v", n(1));
      assertThat(get(c, "torn", "after")).containsEntry("v", n(2));
    });
  }

  @Test
  void aCorruptLineBeforeTheEndRefusesToStart() throws IOException {
    withServer(c -> {
      c.createTable(tableRequest("corrupt", null, List.of()).build());
      c.putItem(b -> b.tableName("corrupt").item(item("pk", s("a"))));
    });
    Path log = dir.resolve("corrupt.log");
    Files.writeString(log, "garbage\n{\"put\":{\"pk\":{\"S\":\"b\"}}}\n", StandardOpenOption.APPEND);
    assertThatThrownBy(() -> DynamoDbServer.builder().dataDirectory(dir).start())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("corrupt.log").hasMessageContaining("line 2");
  }

  @Test
  void theLogIsCompactedOnStartWhenItHasGrown() throws IOException {
    try (DynamoDbServer persistent = DynamoDbServer.builder().dataDirectory(dir).start()) {
      assertThat(rawPost(persistent.endpoint(), "CreateTable", """
          {"TableName":"busy","BillingMode":"PAY_PER_REQUEST",
           "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],
           "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]}""").statusCode()).isEqualTo(200);
      for (int i = 0; i < 1200; i++) {
        assertThat(rawPost(persistent.endpoint(), "PutItem", """
            {"TableName":"busy","Item":{"pk":{"S":"hot%d"},"v":{"N":"%d"}}}""".formatted(i % 3, i)).statusCode())
            .isEqualTo(200);
      }
    }
    Path log = dir.resolve("busy.log");
    assertThat(Files.readAllLines(log)).hasSize(1200);
    withServer(c -> assertThat(get(c, "busy", "hot2")).containsEntry("v", n(1199)));
    assertThat(Files.readAllLines(log)).hasSize(3);
    withServer(c -> assertThat(c.scan(b -> b.tableName("busy")).count()).isEqualTo(3));
  }

  @Test
  void writesSurviveKillMinusNineOfTheServerJvm() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
        DynamoDbServerProcess.class.getName(), dir.toString()).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.startsWith("PORT "));
      assertThat(line).as("child server output").isNotNull();
      int port = Integer.parseInt(line.substring(5).trim());
      try (DynamoDbClient c = clientFor(URI.create("http://127.0.0.1:" + port))) {
        c.createTable(tableRequest("crash", null, List.of()).build());
        for (int i = 0; i < 20; i++) {
          int v = i;
          c.putItem(b -> b.tableName("crash").item(item("pk", s("k" + v), "v", n(v))));
        }
        c.deleteItem(b -> b.tableName("crash").key(item("pk", s("k0"))));
      }
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close()
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
    withServer(c -> {
      assertThat(c.scan(b -> b.tableName("crash")).count()).isEqualTo(19);
      assertThat(get(c, "crash", "k19")).containsEntry("v", n(19));
      assertThat(get(c, "crash", "k0")).isNull();
    });
  }
}
