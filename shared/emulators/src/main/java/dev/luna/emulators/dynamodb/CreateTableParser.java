package dev.luna.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses and validates CreateTable requests into {@link TableDefinition}s. */
final class CreateTableParser {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
  private static final String INVALID = "One or more parameter values were invalid: ";

  private CreateTableParser() {}

  static void validateTableName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw DynamoDbError.validation("1 validation error detected: Value '" + name
          + "' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression "
          + "pattern: [a-zA-Z0-9_.-]+ and have length between 3 and 255");
    }
  }

  static TableDefinition parse(JsonNode request, double creationTime, String tableId,
      TableDefinition.TimeToLive ttl) {
    String name = RequestFields.requiredString(request, "TableName");
    validateTableName(name);
    Map<String, String> types = attributeTypes(request.path("AttributeDefinitions"));
    KeySchema key = keySchema(request.path("KeySchema"), types, "table");
    String billing = request.path("BillingMode").asText(TableDefinition.PROVISIONED);
    if (!billing.equals(TableDefinition.PROVISIONED) && !billing.equals(TableDefinition.PAY_PER_REQUEST)) {
      throw DynamoDbError.validation(INVALID + "Unknown BillingMode: " + billing);
    }
    long[] throughput = throughput(request.path("ProvisionedThroughput"), billing, "table");
    Set<String> indexNames = new HashSet<>();
    List<IndexDefinition> gsis = new ArrayList<>();
    for (JsonNode node : request.path("GlobalSecondaryIndexes")) {
      gsis.add(index(node, true, types, billing, key, indexNames));
    }
    List<IndexDefinition> lsis = new ArrayList<>();
    for (JsonNode node : request.path("LocalSecondaryIndexes")) {
      lsis.add(index(node, false, types, billing, key, indexNames));
    }
    if (gsis.size() > 20 || lsis.size() > 5) {
      throw DynamoDbError.validation(INVALID + "A table may have at most 20 global and 5 local secondary indexes");
    }
    checkAllDefinitionsUsed(types, key, gsis, lsis);
    return new TableDefinition(name, key, types, List.copyOf(gsis), List.copyOf(lsis), billing,
        throughput[0], throughput[1], creationTime, tableId, ttl);
  }

  private static Map<String, String> attributeTypes(JsonNode definitions) {
    if (!definitions.isArray() || definitions.isEmpty()) {
      throw DynamoDbError.validation(INVALID + "AttributeDefinitions must be provided");
    }
    Map<String, String> types = new LinkedHashMap<>();
    for (JsonNode d : definitions) {
      String attribute = RequestFields.requiredString(d, "AttributeName");
      String type = RequestFields.requiredString(d, "AttributeType");
      if (!type.equals("S") && !type.equals("N") && !type.equals("B")) {
        throw DynamoDbError.validation(INVALID + "Invalid AttributeType " + type + " for " + attribute
            + "; key attributes must be S, N or B");
      }
      if (types.put(attribute, type) != null) {
        throw DynamoDbError.validation(INVALID + "Cannot have two attributes with the same name: " + attribute);
      }
    }
    return types;
  }

  private static KeySchema keySchema(JsonNode elements, Map<String, String> types, String owner) {
    if (!elements.isArray() || elements.isEmpty() || elements.size() > 2) {
      throw DynamoDbError.validation(INVALID + "The KeySchema of the " + owner
          + " must have one HASH element and at most one RANGE element");
    }
    String hash = null;
    String range = null;
    for (JsonNode e : elements) {
      String attribute = RequestFields.requiredString(e, "AttributeName");
      String keyType = RequestFields.requiredString(e, "KeyType");
      if (!types.containsKey(attribute)) {
        throw DynamoDbError.validation(INVALID + "Some index key attributes are not defined in "
            + "AttributeDefinitions. Keys: [" + attribute + "], AttributeDefinitions: " + types.keySet());
      }
      if (keyType.equals("HASH") && hash == null) {
        hash = attribute;
      } else if (keyType.equals("RANGE") && range == null) {
        range = attribute;
      } else {
        throw DynamoDbError.validation(INVALID + "Invalid KeySchema for the " + owner
            + ": expected one HASH and at most one RANGE element");
      }
    }
    if (hash == null || hash.equals(range)) {
      throw DynamoDbError.validation(INVALID + "Invalid KeySchema for the " + owner
          + ": a HASH element is required and must differ from the RANGE element");
    }
    return new KeySchema(hash, types.get(hash), range, range == null ? null : types.get(range));
  }

  private static long[] throughput(JsonNode node, String billing, String owner) {
    boolean provisioned = billing.equals(TableDefinition.PROVISIONED);
    if (provisioned && node.isMissingNode()) {
      throw DynamoDbError.validation(INVALID + "ReadCapacityUnits and WriteCapacityUnits must both "
          + "be specified when BillingMode is PROVISIONED (" + owner + ")");
    }
    if (!provisioned && !node.isMissingNode() && !node.isNull()) {
      throw DynamoDbError.validation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can "
          + "be specified when BillingMode is PAY_PER_REQUEST (" + owner + ")");
    }
    return new long[] {node.path("ReadCapacityUnits").asLong(0), node.path("WriteCapacityUnits").asLong(0)};
  }

  private static IndexDefinition index(JsonNode node, boolean global, Map<String, String> types,
      String billing, KeySchema tableKey, Set<String> indexNames) {
    String name = RequestFields.requiredString(node, "IndexName");
    if (!NAME.matcher(name).matches()) {
      throw DynamoDbError.validation(INVALID + "Invalid index name: " + name);
    }
    if (!indexNames.add(name)) {
      throw DynamoDbError.validation(INVALID + "Duplicate index name: " + name);
    }
    KeySchema key = keySchema(node.path("KeySchema"), types, "index " + name);
    if (!global && (!tableKey.hasRange() || !key.hasRange() || !key.hashName().equals(tableKey.hashName()))) {
      throw DynamoDbError.validation(INVALID + "Local secondary index " + name
          + " must have the same hash key as the table and a range key, on a table with a range key");
    }
    JsonNode projection = node.path("Projection");
    String type = projection.path("ProjectionType").asText(null);
    if (!IndexDefinition.ALL.equals(type) && !IndexDefinition.KEYS_ONLY.equals(type)
        && !IndexDefinition.INCLUDE.equals(type)) {
      throw DynamoDbError.validation(INVALID + "Unknown ProjectionType: " + type);
    }
    List<String> nonKey = new ArrayList<>();
    projection.path("NonKeyAttributes").forEach(n -> nonKey.add(n.asText()));
    if (!nonKey.isEmpty() && !type.equals(IndexDefinition.INCLUDE)) {
      throw DynamoDbError.validation(INVALID + "ProjectionType is " + type
          + ", but NonKeyAttributes is specified");
    }
    long[] throughput = global
        ? throughput(node.path("ProvisionedThroughput"), billing, "index " + name) : new long[2];
    return new IndexDefinition(name, global, key, type, List.copyOf(nonKey), throughput[0], throughput[1]);
  }

  private static void checkAllDefinitionsUsed(Map<String, String> types, KeySchema key,
      List<IndexDefinition> gsis, List<IndexDefinition> lsis) {
    Set<String> used = new LinkedHashSet<>(key.attributeNames());
    gsis.forEach(i -> used.addAll(i.keySchema().attributeNames()));
    lsis.forEach(i -> used.addAll(i.keySchema().attributeNames()));
    if (!used.containsAll(types.keySet())) {
      throw DynamoDbError.validation(INVALID + "Number of attributes in KeySchema does not exactly "
          + "match number of attributes defined in AttributeDefinitions. Some AttributeDefinitions "
          + "are not used. AttributeDefinitions: " + types.keySet() + ", keys used: " + used);
    }
  }
}
