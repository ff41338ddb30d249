package dev.luna.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Builds {@link ItemWrite}s from request parameters. PutItem/UpdateItem/DeleteItem requests and the
 * Put/Update/Delete/ConditionCheck elements of TransactWriteItems share these field names.
 */
final class ItemWriteParser {
  private ItemWriteParser() {}

  static ItemWrite parse(ItemWrite.Kind kind, JsonNode request, TableCatalog catalog) {
    RequestFields.rejectLegacy(request, "Expected", "ConditionalOperator", "AttributeUpdates");
    JsonNode target = RequestFields.requiredNode(request, kind == ItemWrite.Kind.PUT ? "Item" : "Key");
    TableStore table = catalog.require(RequestFields.requiredString(request, "TableName"));
    ExpressionContext context = new ExpressionContext(request);
    String conditionText = RequestFields.optionalString(request, "ConditionExpression");
    if (kind == ItemWrite.Kind.CHECK && conditionText == null) {
      throw DynamoDbError.validation("A ConditionCheck requires a ConditionExpression");
    }
    Condition condition = conditionText == null ? null
        : ExpressionParser.parseCondition(conditionText, "ConditionExpression", context);
    UpdateExpression update = null;
    if (kind == ItemWrite.Kind.UPDATE) {
      String updateText = RequestFields.optionalString(request, "UpdateExpression");
      update = updateText == null ? UpdateExpression.EMPTY : ExpressionParser.parseUpdate(updateText, context);
    }
    context.verifyAllUsed();
    boolean returnOld = "ALL_OLD".equals(RequestFields.enumValue(request,
        "ReturnValuesOnConditionCheckFailure", "NONE", "NONE", "ALL_OLD"));
    ItemWrite keyed = kind == ItemWrite.Kind.PUT ? put(table, target) : delete(table, target);
    return new ItemWrite(kind, table, keyed.key(), keyed.keyAttributes(), keyed.item(), update, condition,
        returnOld);
  }

  /** An unconditional put of a BatchWriteItem PutRequest. */
  static ItemWrite put(TableStore table, JsonNode itemNode) {
    Map<String, AttrValue> item = AttrValueJson.item(itemNode);
    CompositeKey key = ItemKeys.validateItem(table.definition(), item);
    return new ItemWrite(ItemWrite.Kind.PUT, table, key,
        ItemKeys.attributes(item, table.definition().keySchema().attributeNames()), item, null, null, false);
  }

  /** An unconditional delete of a BatchWriteItem DeleteRequest. */
  static ItemWrite delete(TableStore table, JsonNode keyNode) {
    Map<String, AttrValue> keyAttributes = AttrValueJson.item(keyNode);
    CompositeKey key = ItemKeys.fromKey(table.definition(), keyAttributes);
    return new ItemWrite(ItemWrite.Kind.DELETE, table, key, keyAttributes, null, null, null, false);
  }
}
