package dev.luna.emulators.dynamodb;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP side of the emulator: DynamoDB's JSON 1.0 protocol (POST / with X-Amz-Target). */
final class DynamoDbHttpHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbHttpHandler.class);
  private static final String TARGET_PREFIX = "DynamoDB_20120810.";
  private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
  private static final char[] ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

  private final DynamoDbService service;
  private final RequestCounts counts;

  DynamoDbHttpHandler(DynamoDbService service, RequestCounts counts) {
    this.service = service;
    this.counts = counts;
  }

  @Override
  public void handle(HttpExchange exchange) {
    String requestId = requestId();
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (exchange.getRequestMethod().equals("GET")) {
        send(exchange, 200, requestId, "text/plain", "healthy: luna dynamodb emulator".getBytes(StandardCharsets.UTF_8));
        return;
      }
      int status = 200;
      ObjectNode response;
      try {
        response = dispatch(exchange, body);
      } catch (DynamoDbError e) {
        status = e.status();
        response = e.toJson();
      } catch (RuntimeException e) {
        LOG.error("DynamoDB emulator failed on request {}", requestId, e);
        DynamoDbError error = DynamoDbError.internal("Internal server error: " + e);
        status = error.status();
        response = error.toJson();
      }
      send(exchange, status, requestId, CONTENT_TYPE, Json.bytes(response));
    } catch (IOException e) {
      LOG.debug("DynamoDB emulator could not answer request {}: {}", requestId, e.toString());
    }
  }

  private ObjectNode dispatch(HttpExchange exchange, byte[] body) {
    if (!exchange.getRequestMethod().equals("POST")) {
      throw DynamoDbError.serialization("Only POST requests are supported");
    }
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    if (target == null || !target.startsWith(TARGET_PREFIX)) {
      throw DynamoDbError.unknownOperation(String.valueOf(target));
    }
    JsonNode request;
    try {
      request = Json.parse(body);
    } catch (JacksonException e) {
      throw DynamoDbError.serialization("Malformed JSON request body: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw DynamoDbError.serialization("Unreadable request body: " + e.getMessage());
    }
    if (!request.isObject()) {
      throw DynamoDbError.serialization("The request body must be a JSON object");
    }
    counts.record(request);
    return service.execute(target.substring(TARGET_PREFIX.length()), request);
  }

  private static void send(HttpExchange exchange, int status, String requestId, String contentType, byte[] body)
      throws IOException {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", contentType);
    headers.set("x-amzn-RequestId", requestId);
    CRC32 crc = new CRC32();
    crc.update(body);
    headers.set("x-amz-crc32", Long.toString(crc.getValue()));
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String requestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] id = new char[52];
    for (int i = 0; i < id.length; i++) {
      id[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
    }
    return new String(id);
  }
}
