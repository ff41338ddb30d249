package dev.luna.emulators.pinecone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pinecone's control plane (REST, JSON) as far as Luna's client uses it: {@code GET /indexes} (list),
 * {@code GET /indexes/{name}} (describe: where the client learns the data-plane host), {@code POST /indexes} (create
 * a serverless dense index) and {@code DELETE /indexes/{name}}. Every call needs the {@code Api-Key} header.
 */
final class ControlPlane {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final PineconeServer server;

  ControlPlane(PineconeServer server) {
    this.server = server;
  }

  void handle(HttpExchange x) throws IOException {
    try (x) {
      String apiKey = x.getRequestHeaders().getFirst("Api-Key");
      if (!server.accepts(apiKey)) {
        error(x, 401, "UNAUTHENTICATED", "Invalid API key");
        return;
      }
      String path = x.getRequestURI().getPath();
      String method = x.getRequestMethod();
      if (path.equals("/indexes") || path.equals("/indexes/")) {
        switch (method) {
          case "GET" -> list(x);
          case "POST" -> create(x);
          default -> error(x, 405, "METHOD_NOT_ALLOWED", "Method " + method + " not allowed");
        }
        return;
      }
      if (path.startsWith("/indexes/")) {
        String name = URLDecoder.decode(path.substring("/indexes/".length()), StandardCharsets.UTF_8);
        PineconeIndex index = server.index(name);
        if (index == null) {
          error(x, 404, "NOT_FOUND", "Resource " + name + " not found");
          return;
        }
        switch (method) {
          case "GET" -> send(x, 200, model(index));
          case "DELETE" -> {
            server.deleteIndex(name);
            x.sendResponseHeaders(202, -1);
          }
          default -> error(x, 405, "METHOD_NOT_ALLOWED", "Method " + method + " not allowed");
        }
        return;
      }
      error(x, 404, "NOT_FOUND", "Unknown path " + path);
    }
  }

  private void list(HttpExchange x) throws IOException {
    var out = JSON.createObjectNode();
    var arr = out.putArray("indexes");
    for (PineconeIndex i : server.indexes()) arr.add(model(i));
    send(x, 200, out);
  }

  private void create(HttpExchange x) throws IOException {
    JsonNode body;
    try {
      body = JSON.readTree(x.getRequestBody());
    } catch (IOException e) {
      error(x, 400, "INVALID_ARGUMENT", "The body is not JSON");
      return;
    }
    if (body == null || !body.isObject()) {
      error(x, 400, "INVALID_ARGUMENT", "The body must be a JSON object");
      return;
    }
    String name = body.path("name").asText("");
    if (!name.matches("[a-z0-9]([a-z0-9-]{0,43}[a-z0-9])?")) {
      error(x, 400, "INVALID_ARGUMENT", "Name must consist of lower case alphanumeric characters or '-', at most 45");
      return;
    }
    String vectorType = body.path("vector_type").asText("dense");
    if (!vectorType.equals("dense")) {
      error(x, 400, "INVALID_ARGUMENT", "This stand-in serves dense indexes only");
      return;
    }
    int dimension = body.path("dimension").asInt(0);
    if (dimension < 1 || dimension > 20_000) {
      error(x, 400, "INVALID_ARGUMENT", "Dimension must be between 1 and 20000");
      return;
    }
    String metric = body.path("metric").asText("cosine");
    if (!metric.equals("cosine") && !metric.equals("dotproduct") && !metric.equals("euclidean")) {
      error(x, 400, "INVALID_ARGUMENT", "Metric must be cosine, dotproduct or euclidean");
      return;
    }
    JsonNode serverless = body.path("spec").path("serverless");
    if (!serverless.isObject()) {
      error(x, 400, "INVALID_ARGUMENT", "This stand-in creates serverless indexes only (spec.serverless)");
      return;
    }
    var tags = new LinkedHashMap<String, String>();
    body.path("tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
    PineconeIndex created = server.createIndex(name, dimension, metric, serverless.path("cloud").asText("aws"),
        serverless.path("region").asText("us-east-1"), tags);
    if (created == null) {
      error(x, 409, "ALREADY_EXISTS", "Resource " + name + " already exists");
      return;
    }
    send(x, 201, model(created));
  }

  private ObjectNode model(PineconeIndex i) {
    var m = JSON.createObjectNode();
    m.put("name", i.name);
    m.put("dimension", i.dimension);
    m.put("metric", i.metric);
    m.put("host", server.host(i.name));
    m.put("deletion_protection", "disabled");
    var tags = m.putObject("tags");
    for (Map.Entry<String, String> t : i.tags.entrySet()) tags.put(t.getKey(), t.getValue());
    var serverless = m.putObject("spec").putObject("serverless");
    serverless.put("cloud", i.cloud);
    serverless.put("region", i.region);
    var capacity = serverless.putObject("read_capacity");
    capacity.put("mode", "OnDemand");
    capacity.putObject("status").put("state", "Ready");
    var status = m.putObject("status");
    status.put("ready", true);
    status.put("state", "Ready");
    m.put("vector_type", "dense");
    return m;
  }

  private static void error(HttpExchange x, int status, String code, String message) throws IOException {
    var body = JSON.createObjectNode();
    var err = body.putObject("error");
    err.put("code", code);
    err.put("message", message);
    body.put("status", status);
    send(x, status, body);
  }

  private static void send(HttpExchange x, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
  }
}
