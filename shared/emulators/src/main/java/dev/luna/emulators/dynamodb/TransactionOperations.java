package dev.luna.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactWriteItems and TransactGetItems. All tables involved are locked (in name order) for the
 * duration, so a transaction is atomic and isolated from every other write.
 */
final class TransactionOperations {
  private static final int MAX_ITEMS = 100;

  private final TableCatalog catalog;

  TransactionOperations(TableCatalog catalog) {
    this.catalog = catalog;
  }

  ObjectNode transactWriteItems(JsonNode request) {
    List<ItemWrite> writes = new ArrayList<>();
    for (JsonNode element : transactItems(request)) {
      writes.add(parseWrite(element));
    }
    Set<Map.Entry<String, CompositeKey>> seen = new HashSet<>();
    for (ItemWrite write : writes) {
      if (!seen.add(Map.entry(write.table().name(), write.key()))) {
        throw DynamoDbError.validation("Transaction request cannot include multiple operations on one item");
      }
    }
    TableLocks.withLocks(writes.stream().map(ItemWrite::table).toList(), () -> {
      List<ItemWrite.Outcome> outcomes = new ArrayList<>();
      List<ObjectNode> reasons = new ArrayList<>();
      boolean cancelled = false;
      for (ItemWrite write : writes) {
        try {
          outcomes.add(write.evaluate());
          reasons.add(Json.object().put("Code", "None"));
        } catch (DynamoDbError e) {
          cancelled = true;
          outcomes.add(null);
          reasons.add(reason(e));
        }
      }
      if (cancelled) {
        throw DynamoDbError.transactionCanceled(reasons);
      }
      for (int i = 0; i < writes.size(); i++) {
        writes.get(i).commit(outcomes.get(i));
      }
      return null;
    });
    return Json.object();
  }

  private ItemWrite parseWrite(JsonNode element) {
    if (element.size() != 1) {
      throw DynamoDbError.validation("Each TransactWriteItem must contain exactly one of "
          + "ConditionCheck, Put, Delete or Update");
    }
    Map.Entry<String, JsonNode> action = element.properties().iterator().next();
    ItemWrite.Kind kind = switch (action.getKey()) {
      case "ConditionCheck" -> ItemWrite.Kind.CHECK;
      case "Put" -> ItemWrite.Kind.PUT;
      case "Delete" -> ItemWrite.Kind.DELETE;
      case "Update" -> ItemWrite.Kind.UPDATE;
      default -> throw DynamoDbError.validation("Unknown TransactWriteItem action: " + action.getKey());
    };
    return ItemWriteParser.parse(kind, action.getValue(), catalog);
  }

  private static ObjectNode reason(DynamoDbError error) {
    ObjectNode reason = Json.object();
    if (error.type().equals(DynamoDbError.CONDITIONAL_CHECK_FAILED)) {
      reason.put("Code", "ConditionalCheckFailed");
      reason.put("Message", error.getMessage());
      if (error.extraFields() != null && error.extraFields().has("Item")) {
        reason.set("Item", error.extraFields().get("Item"));
      }
    } else if (error.type().equals(DynamoDbError.VALIDATION)) {
      reason.put("Code", "ValidationError");
      reason.put("Message", error.getMessage());
    } else {
      throw error;
    }
    return reason;
  }

  ObjectNode transactGetItems(JsonNode request) {
    record Get(TableStore table, CompositeKey key, List<DocumentPath> projection) {}
    List<Get> gets = new ArrayList<>();
    for (JsonNode element : transactItems(request)) {
      JsonNode get = RequestFields.requiredNode(element, "Get");
      TableStore table = catalog.require(RequestFields.requiredString(get, "TableName"));
      ExpressionContext context = new ExpressionContext(get);
      List<DocumentPath> projection = ItemOperations.projection(get, context);
      context.verifyAllUsed();
      CompositeKey key = ItemKeys.fromKey(table.definition(),
          AttrValueJson.item(RequestFields.requiredNode(get, "Key")));
      gets.add(new Get(table, key, projection));
    }
    ArrayNode responses = Json.array();
    TableLocks.withLocks(gets.stream().map(Get::table).toList(), () -> {
      for (Get get : gets) {
        ObjectNode response = responses.addObject();
        Map<String, AttrValue> item = get.table().get(get.key());
        if (item != null) {
          response.set("Item", AttrValueJson.itemToJson(Projector.project(item, get.projection())));
        }
      }
      return null;
    });
    ObjectNode response = Json.object();
    response.set("Responses", responses);
    return response;
  }

  private static JsonNode transactItems(JsonNode request) {
    JsonNode items = RequestFields.requiredNode(request, "TransactItems");
    if (!items.isArray() || items.isEmpty() || items.size() > MAX_ITEMS) {
      throw DynamoDbError.validation("1 validation error detected: Value at 'transactItems' failed to satisfy "
          + "constraint: Member must have length between 1 and 100");
    }
    return items;
  }
}
