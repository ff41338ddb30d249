package dev.luna.emulators.dynamodb;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Starts one in-memory server per test class and offers helpers for building items and tables. */
abstract class DynamoDbTestSupport {
  private static final AtomicInteger TABLE_COUNTER = new AtomicInteger();

  static {
    // no logback-test.xml in this module: keep the SDK's DEBUG wire logging out of the test output
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
  }

  static DynamoDbServer server;
  static DynamoDbClient client;

  @BeforeAll
  static void startServer() {
    server = DynamoDbServer.builder().start();
    client = clientFor(server);
  }

  @AfterAll
  static void stopServer() {
    client.close();
    server.close();
  }

  static DynamoDbClient clientFor(DynamoDbServer target) {
    return clientFor(target.endpoint());
  }

  static DynamoDbClient clientFor(URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  private static final HttpClient RAW_HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** Sends a raw DynamoDB JSON request, without the SDK (no signing, no retries). */
  static HttpResponse<String> rawPost(String operation, String json) {
    return rawPost(server.endpoint(), operation, json);
  }

  static HttpResponse<String> rawPost(URI endpoint, String operation, String json) {
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Target", "DynamoDB_20120810." + operation)
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    try {
      return RAW_HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Median wall time in milliseconds of {@code runs} executions, after as many warm-up runs. */
  static double medianMillis(int runs, Runnable action) {
    for (int i = 0; i < runs; i++) {
      action.run();
    }
    double[] times = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      action.run();
      times[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(times);
    return times[runs / 2];
  }

  static String uniqueName(String prefix) {
    return prefix + "-" + TABLE_COUNTER.incrementAndGet();
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(Object value) {
    return AttributeValue.fromN(String.valueOf(value));
  }

  /** An item from alternating names and values, e.g. {@code item("pk", s("a"), "n", n(1))}. */
  static Map<String, AttributeValue> item(Object... namesAndValues) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      item.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
    }
    return item;
  }

  static Map<String, String> names(String... placeholdersAndNames) {
    Map<String, String> names = new LinkedHashMap<>();
    for (int i = 0; i < placeholdersAndNames.length; i += 2) {
      names.put(placeholdersAndNames[i], placeholdersAndNames[i + 1]);
    }
    return names;
  }

  /** A pay-per-request table keyed by pk (S) and, if given, sk of the given type. */
  static String createTable(String prefix, ScalarAttributeType sortType) {
    String name = uniqueName(prefix);
    client.createTable(tableRequest(name, sortType, List.of()).build());
    return name;
  }

  static CreateTableRequest.Builder tableRequest(String name, ScalarAttributeType sortType,
      List<GlobalSecondaryIndex> indexes) {
    List<AttributeDefinition> definitions = new ArrayList<>();
    List<KeySchemaElement> key = new ArrayList<>();
    definitions.add(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build());
    key.add(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build());
    if (sortType != null) {
      definitions.add(AttributeDefinition.builder().attributeName("sk").attributeType(sortType).build());
      key.add(KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build());
    }
    CreateTableRequest.Builder builder = CreateTableRequest.builder()
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(definitions)
        .keySchema(key);
    if (!indexes.isEmpty()) {
      builder.globalSecondaryIndexes(indexes);
    }
    return builder;
  }

  static KeySchemaElement hash(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
  }

  static KeySchemaElement range(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
  }

  static AttributeDefinition attribute(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  static GlobalSecondaryIndex gsi(String name, ProjectionType projection, KeySchemaElement... key) {
    return GlobalSecondaryIndex.builder().indexName(name).keySchema(key)
        .projection(Projection.builder().projectionType(projection).build()).build();
  }
}
