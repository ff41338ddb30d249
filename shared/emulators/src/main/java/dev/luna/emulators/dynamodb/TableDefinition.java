package dev.luna.emulators.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything CreateTable declared about a table, plus its creation time and TTL setting. */
record TableDefinition(
    String name,
    KeySchema keySchema,
    Map<String, String> attributeTypes,
    List<IndexDefinition> globalIndexes,
    List<IndexDefinition> localIndexes,
    String billingMode,
    long readCapacity,
    long writeCapacity,
    double creationTime,
    String tableId,
    TimeToLive timeToLive) {

  static final String PAY_PER_REQUEST = "PAY_PER_REQUEST";
  static final String PROVISIONED = "PROVISIONED";

  /** The TTL configuration; items are never expired by the emulator. */
  record TimeToLive(boolean enabled, String attributeName) {
    static final TimeToLive DISABLED = new TimeToLive(false, null);
  }

  List<IndexDefinition> indexes() {
    List<IndexDefinition> all = new ArrayList<>(globalIndexes);
    all.addAll(localIndexes);
    return all;
  }

  /** The index with this name, or a ValidationException naming the table. */
  IndexDefinition index(String indexName) {
    for (IndexDefinition index : indexes()) {
      if (index.name().equals(indexName)) {
        return index;
      }
    }
    throw DynamoDbError.validation(
        "The table does not have the specified index: " + indexName);
  }

  TableDefinition withTimeToLive(TimeToLive ttl) {
    return new TableDefinition(name, keySchema, new LinkedHashMap<>(attributeTypes), globalIndexes,
        localIndexes, billingMode, readCapacity, writeCapacity, creationTime, tableId, ttl);
  }

  String arn() {
    return "arn:aws:dynamodb:us-east-1:000000000000:table/" + name;
  }
}
