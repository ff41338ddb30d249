package dev.luna.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** PutItem, GetItem, UpdateItem and DeleteItem. */
final class ItemOperations {
  private final TableCatalog catalog;

  ItemOperations(TableCatalog catalog) {
    this.catalog = catalog;
  }

  ObjectNode putItem(JsonNode request) {
    String returnValues = RequestFields.enumValue(request, "ReturnValues", "NONE", "NONE", "ALL_OLD");
    ItemWrite.Outcome outcome = ItemWriteParser.parse(ItemWrite.Kind.PUT, request, catalog).execute();
    return attributesResponse(returnValues.equals("ALL_OLD") ? outcome.oldItem() : null);
  }

  ObjectNode deleteItem(JsonNode request) {
    String returnValues = RequestFields.enumValue(request, "ReturnValues", "NONE", "NONE", "ALL_OLD");
    ItemWrite.Outcome outcome = ItemWriteParser.parse(ItemWrite.Kind.DELETE, request, catalog).execute();
    return attributesResponse(returnValues.equals("ALL_OLD") ? outcome.oldItem() : null);
  }

  ObjectNode updateItem(JsonNode request) {
    String returnValues = RequestFields.enumValue(request, "ReturnValues", "NONE",
        "NONE", "ALL_OLD", "ALL_NEW", "UPDATED_OLD", "UPDATED_NEW");
    ItemWrite write = ItemWriteParser.parse(ItemWrite.Kind.UPDATE, request, catalog);
    ItemWrite.Outcome outcome = write.execute();
    List<DocumentPath> updated = write.update().targets();
    Map<String, AttrValue> attributes = switch (returnValues) {
      case "ALL_OLD" -> outcome.oldItem();
      case "ALL_NEW" -> outcome.newItem();
      case "UPDATED_OLD" -> outcome.oldItem() == null ? null : Projector.project(outcome.oldItem(), updated);
      case "UPDATED_NEW" -> Projector.project(outcome.newItem(), updated);
      default -> null;
    };
    return attributesResponse(attributes);
  }

  ObjectNode getItem(JsonNode request) {
    RequestFields.rejectLegacy(request, "AttributesToGet");
    TableStore table = catalog.require(RequestFields.requiredString(request, "TableName"));
    ExpressionContext context = new ExpressionContext(request);
    List<DocumentPath> projection = projection(request, context);
    context.verifyAllUsed();
    CompositeKey key = ItemKeys.fromKey(table.definition(),
        AttrValueJson.item(RequestFields.requiredNode(request, "Key")));
    Map<String, AttrValue> item = table.get(key);
    ObjectNode response = Json.object();
    if (item != null) {
      response.set("Item", AttrValueJson.itemToJson(Projector.project(item, projection)));
    }
    return response;
  }

  /** The parsed ProjectionExpression of a request, or null when there is none. */
  static List<DocumentPath> projection(JsonNode request, ExpressionContext context) {
    String text = RequestFields.optionalString(request, "ProjectionExpression");
    return text == null ? null : ExpressionParser.parseProjection(text, context);
  }

  private static ObjectNode attributesResponse(Map<String, AttrValue> attributes) {
    ObjectNode response = Json.object();
    if (attributes != null && !attributes.isEmpty()) {
      response.set("Attributes", AttrValueJson.itemToJson(attributes));
    }
    return response;
  }
}
