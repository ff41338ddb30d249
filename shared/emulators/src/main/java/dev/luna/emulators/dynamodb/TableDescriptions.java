package dev.luna.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Renders table descriptions, and the persisted metadata form of a {@link TableDefinition}. */
final class TableDescriptions {
  private TableDescriptions() {}

  /** The table description returned by DescribeTable, CreateTable and DeleteTable. */
  static ObjectNode describe(TableStore table, String status) {
    TableDefinition def = table.definition();
    ObjectNode d = Json.object();
    d.set("AttributeDefinitions", attributeDefinitions(def.attributeTypes()));
    d.put("TableName", def.name());
    d.set("KeySchema", keySchema(def.keySchema()));
    d.put("TableStatus", status);
    d.put("CreationDateTime", def.creationTime());
    d.set("ProvisionedThroughput", throughput(def.readCapacity(), def.writeCapacity()));
    d.put("TableSizeBytes", table.sizeBytes(null));
    d.put("ItemCount", table.itemCount(null));
    d.put("TableArn", def.arn());
    d.put("TableId", def.tableId());
    if (def.billingMode().equals(TableDefinition.PAY_PER_REQUEST)) {
      d.putObject("BillingModeSummary").put("BillingMode", def.billingMode())
          .put("LastUpdateToPayPerRequestDateTime", def.creationTime());
    }
    if (!def.globalIndexes().isEmpty()) {
      ArrayNode gsis = d.putArray("GlobalSecondaryIndexes");
      for (IndexDefinition index : def.globalIndexes()) {
        ObjectNode n = indexJson(index);
        n.put("IndexStatus", "ACTIVE");
        n.set("ProvisionedThroughput", throughput(index.readCapacity(), index.writeCapacity()));
        addIndexStats(n, table, index, def);
        gsis.add(n);
      }
    }
    if (!def.localIndexes().isEmpty()) {
      ArrayNode lsis = d.putArray("LocalSecondaryIndexes");
      for (IndexDefinition index : def.localIndexes()) {
        ObjectNode n = indexJson(index);
        addIndexStats(n, table, index, def);
        lsis.add(n);
      }
    }
    d.put("DeletionProtectionEnabled", false);
    return d;
  }

  private static void addIndexStats(ObjectNode n, TableStore table, IndexDefinition index,
      TableDefinition def) {
    n.put("IndexSizeBytes", table.sizeBytes(index));
    n.put("ItemCount", table.itemCount(index));
    n.put("IndexArn", def.arn() + "/index/" + index.name());
  }

  private static ObjectNode throughput(long read, long write) {
    ObjectNode n = Json.object();
    n.put("NumberOfDecreasesToday", 0);
    n.put("ReadCapacityUnits", read);
    n.put("WriteCapacityUnits", write);
    return n;
  }

  private static ArrayNode attributeDefinitions(Map<String, String> types) {
    ArrayNode array = Json.array();
    types.forEach((name, type) -> array.addObject().put("AttributeName", name).put("AttributeType", type));
    return array;
  }

  private static ArrayNode keySchema(KeySchema key) {
    ArrayNode array = Json.array();
    array.addObject().put("AttributeName", key.hashName()).put("KeyType", "HASH");
    if (key.hasRange()) {
      array.addObject().put("AttributeName", key.rangeName()).put("KeyType", "RANGE");
    }
    return array;
  }

  private static ObjectNode indexJson(IndexDefinition index) {
    ObjectNode n = Json.object();
    n.put("IndexName", index.name());
    n.set("KeySchema", keySchema(index.keySchema()));
    ObjectNode projection = n.putObject("Projection");
    projection.put("ProjectionType", index.projectionType());
    if (!index.nonKeyAttributes().isEmpty()) {
      ArrayNode nonKey = projection.putArray("NonKeyAttributes");
      index.nonKeyAttributes().forEach(nonKey::add);
    }
    return n;
  }

  /** The persisted form: an equivalent CreateTable request plus creation time, id and TTL. */
  static ObjectNode toMetadata(TableDefinition def) {
    ObjectNode request = Json.object();
    request.put("TableName", def.name());
    request.set("AttributeDefinitions", attributeDefinitions(def.attributeTypes()));
    request.set("KeySchema", keySchema(def.keySchema()));
    request.put("BillingMode", def.billingMode());
    boolean provisioned = def.billingMode().equals(TableDefinition.PROVISIONED);
    if (provisioned) {
      request.set("ProvisionedThroughput", throughput(def.readCapacity(), def.writeCapacity()));
    }
    if (!def.globalIndexes().isEmpty()) {
      ArrayNode gsis = request.putArray("GlobalSecondaryIndexes");
      for (IndexDefinition index : def.globalIndexes()) {
        ObjectNode n = indexJson(index);
        if (provisioned) {
          n.set("ProvisionedThroughput", throughput(index.readCapacity(), index.writeCapacity()));
        }
        gsis.add(n);
      }
    }
    if (!def.localIndexes().isEmpty()) {
      ArrayNode lsis = request.putArray("LocalSecondaryIndexes");
      def.localIndexes().forEach(index -> lsis.add(indexJson(index)));
    }
    ObjectNode meta = Json.object();
    meta.set("CreateTable", request);
    meta.put("CreationDateTime", def.creationTime());
    meta.put("TableId", def.tableId());
    meta.putObject("TimeToLive").put("Enabled", def.timeToLive().enabled())
        .put("AttributeName", def.timeToLive().attributeName());
    return meta;
  }

  static TableDefinition fromMetadata(JsonNode meta) {
    JsonNode ttl = meta.path("TimeToLive");
    return CreateTableParser.parse(meta.path("CreateTable"), meta.path("CreationDateTime").asDouble(),
        meta.path("TableId").asText(),
        new TableDefinition.TimeToLive(ttl.path("Enabled").asBoolean(false),
            ttl.path("AttributeName").isTextual() ? ttl.path("AttributeName").asText() : null));
  }
}
