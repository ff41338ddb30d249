package dev.luna.emulators.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The wire protocol as seen without the SDK, error mapping as seen with it, and server lifecycle. */
class ProtocolIT extends DynamoDbTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void responsesCarryContentTypeRequestIdAndACorrectCrc32() {
    HttpResponse<String> response = rawPost("ListTables", "{}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).hasValueSatisfying(id -> assertThat(id).hasSize(52));
    CRC32 crc = new CRC32();
    crc.update(response.body().getBytes(StandardCharsets.UTF_8));
    assertThat(response.headers().firstValue("x-amz-crc32")).hasValue(Long.toString(crc.getValue()));
  }

  @Test
  void errorsUseTheDynamoDbJsonErrorShape() throws Exception {
    HttpResponse<String> missing = rawPost("DescribeTable", "{\"TableName\":\"nope\"}");
    assertThat(missing.statusCode()).isEqualTo(400);
    JsonNode body = JSON.readTree(missing.body());
    assertThat(body.path("__type").asText()).isEqualTo("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException");
    assertThat(body.path("message").asText()).contains("nope");

    assertThat(JSON.readTree(rawPost("PutItem", "{not json").body()).path("__type").asText())
        .endsWith("#SerializationException");
    assertThat(JSON.readTree(rawPost("Frobnicate", "{}").body()).path("__type").asText())
        .endsWith("#UnknownOperationException");
    HttpResponse<String> validation = rawPost("PutItem", "{\"TableName\":\"x\"}");
    assertThat(validation.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(validation.body()).path("__type").asText()).endsWith("#ValidationException");
  }

  @Test
  void sdkMapsErrorsToTheRightExceptionClasses() {
    String table = createTable("errors", null);
    assertThatThrownBy(() -> client.getItem(b -> b.tableName("missing-table").key(item("pk", s("a")))))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    client.putItem(b -> b.tableName(table).item(item("pk", s("a"))));
    assertThatThrownBy(() -> client.putItem(b -> b.tableName(table).item(item("pk", s("a")))
        .conditionExpression("attribute_not_exists(pk)")))
        .isInstanceOf(ConditionalCheckFailedException.class)
        .hasMessageContaining("The conditional request failed");
    assertThatThrownBy(() -> client.getItem(b -> b.tableName(table).key(item("wrong", s("a")))))
        .isExactlyInstanceOf(DynamoDbException.class)
        .satisfies(e -> {
          DynamoDbException d = (DynamoDbException) e;
          assertThat(d.statusCode()).isEqualTo(400);
          assertThat(d.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
          assertThat(d.requestId()).isNotBlank();
          assertThat(d.numAttempts()).isEqualTo(1);
        });
  }

  @Test
  void healthCheckAnswersGet() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(server.endpoint()).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("healthy");
  }

  @Test
  void endpointAndPort() {
    assertThat(server.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + server.port()));
    assertThat(server.port()).isPositive();
  }

  @Test
  void aTakenPortIsAClearError() {
    assertThatThrownBy(() -> DynamoDbServer.builder().port(server.port()).start())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(String.valueOf(server.port()))
        .hasMessageContaining("already in use");
  }

  @Test
  void closeStopsServingAndIsIdempotent() {
    DynamoDbServer temporary = DynamoDbServer.builder().start();
    URI endpoint = temporary.endpoint();
    assertThat(rawPost(endpoint, "ListTables", "{}").statusCode()).isEqualTo(200);
    temporary.close();
    temporary.close();
    assertThatThrownBy(() -> rawPost(endpoint, "ListTables", "{}")).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void itemRoundTripsAreFast() {
    String table = createTable("latency", null);
    String put = "{\"TableName\":\"%s\",\"Item\":{\"pk\":{\"S\":\"k\"},\"v\":{\"S\":\"value\"}}}".formatted(table);
    String get = "{\"TableName\":\"%s\",\"Key\":{\"pk\":{\"S\":\"k\"}}}".formatted(table);
    double putMillis = medianMillis(500, () -> rawPost("PutItem", put));
    double getMillis = medianMillis(500, () -> rawPost("GetItem", get));
    assertThat(rawPost("GetItem", get).body()).contains("value");
    // client + localhost HTTP + server; the server's own share is a few microseconds
    assertThat(putMillis).as("median PutItem round trip ms").isLessThan(2.0);
    assertThat(getMillis).as("median GetItem round trip ms").isLessThan(2.0);
    client.putItem(b -> b.tableName(table).item(Map.of("pk", s("sdk"))));
  }
}
