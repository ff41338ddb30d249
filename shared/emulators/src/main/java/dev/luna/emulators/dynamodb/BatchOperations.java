package dev.luna.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** BatchGetItem and BatchWriteItem. Everything is always processed: Unprocessed* are empty. */
final class BatchOperations {
  private static final int MAX_GET_KEYS = 100;
  private static final int MAX_WRITES = 25;

  private final TableCatalog catalog;

  BatchOperations(TableCatalog catalog) {
    this.catalog = catalog;
  }

  ObjectNode batchGetItem(JsonNode request) {
    JsonNode requestItems = requestItems(request);
    int keyCount = 0;
    for (JsonNode tableRequest : requestItems) {
      keyCount += tableRequest.path("Keys").size();
    }
    if (keyCount > MAX_GET_KEYS) {
      throw DynamoDbError.validation("Too many items requested for the BatchGetItem call");
    }
    ObjectNode responses = Json.object();
    for (Map.Entry<String, JsonNode> entry : requestItems.properties()) {
      JsonNode tableRequest = entry.getValue();
      RequestFields.rejectLegacy(tableRequest, "AttributesToGet");
      TableStore table = catalog.require(entry.getKey());
      ExpressionContext context = new ExpressionContext(tableRequest);
      List<DocumentPath> projection = ItemOperations.projection(tableRequest, context);
      context.verifyAllUsed();
      List<CompositeKey> keys = new ArrayList<>();
      for (JsonNode keyNode : RequestFields.requiredNode(tableRequest, "Keys")) {
        keys.add(ItemKeys.fromKey(table.definition(), AttrValueJson.item(keyNode)));
      }
      if (new HashSet<>(keys).size() != keys.size()) {
        throw duplicates();
      }
      ArrayNode items = responses.putArray(entry.getKey());
      for (CompositeKey key : keys) {
        Map<String, AttrValue> item = table.get(key);
        if (item != null) {
          items.add(AttrValueJson.itemToJson(Projector.project(item, projection)));
        }
      }
    }
    ObjectNode response = Json.object();
    response.set("Responses", responses);
    response.putObject("UnprocessedKeys");
    return response;
  }

  ObjectNode batchWriteItem(JsonNode request) {
    JsonNode requestItems = requestItems(request);
    List<ItemWrite> writes = new ArrayList<>();
    Set<Map.Entry<String, CompositeKey>> seen = new HashSet<>();
    for (Map.Entry<String, JsonNode> entry : requestItems.properties()) {
      TableStore table = catalog.require(entry.getKey());
      for (JsonNode writeRequest : entry.getValue()) {
        JsonNode put = writeRequest.path("PutRequest");
        JsonNode delete = writeRequest.path("DeleteRequest");
        if (put.isMissingNode() == delete.isMissingNode()) {
          throw DynamoDbError.validation("Each WriteRequest must contain exactly one of PutRequest or DeleteRequest");
        }
        ItemWrite write = put.isObject()
            ? ItemWriteParser.put(table, RequestFields.requiredNode(put, "Item"))
            : ItemWriteParser.delete(table, RequestFields.requiredNode(delete, "Key"));
        if (!seen.add(Map.entry(entry.getKey(), write.key()))) {
          throw duplicates();
        }
        writes.add(write);
      }
    }
    if (writes.isEmpty() || writes.size() > MAX_WRITES) {
      throw DynamoDbError.validation("1 validation error detected: Value at 'requestItems' failed to satisfy "
          + "constraint: the request must contain between 1 and 25 write requests (it has " + writes.size() + ")");
    }
    TableLocks.withLocks(writes.stream().map(ItemWrite::table).toList(), () -> {
      writes.forEach(write -> write.commit(write.evaluate()));
      return null;
    });
    ObjectNode response = Json.object();
    response.putObject("UnprocessedItems");
    return response;
  }

  private static JsonNode requestItems(JsonNode request) {
    JsonNode requestItems = RequestFields.requiredNode(request, "RequestItems");
    if (!requestItems.isObject() || requestItems.isEmpty()) {
      throw DynamoDbError.validation("1 validation error detected: Value at 'requestItems' failed to satisfy "
          + "constraint: Member must have length greater than or equal to 1");
    }
    return requestItems;
  }

  private static DynamoDbError duplicates() {
    return DynamoDbError.validation("Provided list of item keys contains duplicates");
  }
}
