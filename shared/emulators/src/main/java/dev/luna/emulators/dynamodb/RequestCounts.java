package dev.luna.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Requests per table name: {@code TableName}, or each table a batch's {@code RequestItems} or a transaction names. */
final class RequestCounts {
  private final Map<String, LongAdder> byTable = new ConcurrentHashMap<>();

  void record(JsonNode request) {
    Set<String> tables = new HashSet<>();
    if (request.path("TableName").isTextual()) tables.add(request.path("TableName").asText());
    request.path("RequestItems").fieldNames().forEachRemaining(tables::add);
    for (JsonNode item : request.path("TransactItems")) {
      item.elements().forEachRemaining(op -> {
        if (op.path("TableName").isTextual()) tables.add(op.path("TableName").asText());
      });
    }
    for (String t : tables) byTable.computeIfAbsent(t, k -> new LongAdder()).increment();
  }

  long to(String tableSuffix) {
    long n = 0;
    for (var e : byTable.entrySet()) if (e.getKey().endsWith(tableSuffix)) n += e.getValue().sum();
    return n;
  }
}
