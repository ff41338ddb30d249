package dev.luna.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;

/** CreateTable, DescribeTable, ListTables, DeleteTable, UpdateTimeToLive and DescribeTimeToLive. */
final class TableOperations {
  private static final String ACTIVE = "ACTIVE";

  private final TableCatalog catalog;

  TableOperations(TableCatalog catalog) {
    this.catalog = catalog;
  }

  ObjectNode createTable(JsonNode request) {
    TableDefinition definition = CreateTableParser.parse(request,
        System.currentTimeMillis() / 1000.0, UUID.randomUUID().toString(), TableDefinition.TimeToLive.DISABLED);
    TableStore table = catalog.create(definition);
    return wrap("TableDescription", TableDescriptions.describe(table, ACTIVE));
  }

  ObjectNode describeTable(JsonNode request) {
    return wrap("Table", TableDescriptions.describe(table(request), ACTIVE));
  }

  ObjectNode deleteTable(JsonNode request) {
    TableStore table = catalog.delete(RequestFields.requiredString(request, "TableName"));
    return wrap("TableDescription", TableDescriptions.describe(table, "DELETING"));
  }

  ObjectNode listTables(JsonNode request) {
    String start = RequestFields.optionalString(request, "ExclusiveStartTableName");
    Integer limit = RequestFields.optionalInt(request, "Limit", 1, 100);
    int max = limit == null ? 100 : limit;
    List<String> names = catalog.names().stream()
        .filter(name -> start == null || name.compareTo(start) > 0).toList();
    ObjectNode response = Json.object();
    ArrayNode array = response.putArray("TableNames");
    names.stream().limit(max).forEach(array::add);
    if (names.size() > max) {
      response.put("LastEvaluatedTableName", names.get(max - 1));
    }
    return response;
  }

  ObjectNode updateTimeToLive(JsonNode request) {
    TableStore table = table(request);
    JsonNode specification = RequestFields.requiredNode(request, "TimeToLiveSpecification");
    boolean enabled = RequestFields.requiredNode(specification, "Enabled").asBoolean();
    String attribute = RequestFields.requiredString(specification, "AttributeName");
    TableDefinition.TimeToLive current = table.definition().timeToLive();
    if (current.enabled() == enabled) {
      throw DynamoDbError.validation("TimeToLive is already " + (enabled ? "enabled" : "disabled"));
    }
    if (!enabled && !attribute.equals(current.attributeName())) {
      throw DynamoDbError.validation("TimeToLive is active on a different AttributeName: current AttributeName is "
          + current.attributeName());
    }
    catalog.updateDefinition(table,
        table.definition().withTimeToLive(new TableDefinition.TimeToLive(enabled, enabled ? attribute : null)));
    ObjectNode response = Json.object();
    response.putObject("TimeToLiveSpecification").put("Enabled", enabled).put("AttributeName", attribute);
    return response;
  }

  ObjectNode describeTimeToLive(JsonNode request) {
    TableDefinition.TimeToLive ttl = table(request).definition().timeToLive();
    ObjectNode description = Json.object();
    description.put("TimeToLiveStatus", ttl.enabled() ? "ENABLED" : "DISABLED");
    if (ttl.enabled()) {
      description.put("AttributeName", ttl.attributeName());
    }
    return wrap("TimeToLiveDescription", description);
  }

  private TableStore table(JsonNode request) {
    return catalog.require(RequestFields.requiredString(request, "TableName"));
  }

  private static ObjectNode wrap(String field, ObjectNode value) {
    ObjectNode response = Json.object();
    response.set(field, value);
    return response;
  }
}
