package dev.luna.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ExpressionAttributeNames and ExpressionAttributeValues of one request (or one transaction item),
 * tracking which placeholders the expressions used so unused ones can be rejected as DynamoDB does.
 */
final class ExpressionContext {
  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, AttrValue> values = new LinkedHashMap<>();
  private final Set<String> usedNames = new HashSet<>();
  private final Set<String> usedValues = new HashSet<>();

  ExpressionContext(JsonNode request) {
    JsonNode namesNode = request.path("ExpressionAttributeNames");
    if (namesNode.isObject()) {
      if (namesNode.isEmpty()) {
        throw DynamoDbError.validation("ExpressionAttributeNames must not be empty");
      }
      namesNode.properties().forEach(e -> names.put(e.getKey(), e.getValue().asText()));
    }
    JsonNode valuesNode = request.path("ExpressionAttributeValues");
    if (valuesNode.isObject()) {
      if (valuesNode.isEmpty()) {
        throw DynamoDbError.validation("ExpressionAttributeValues must not be empty");
      }
      valuesNode.properties().forEach(e -> values.put(e.getKey(), AttrValueJson.value(e.getValue())));
    }
  }

  String name(String placeholder, String label) {
    String name = names.get(placeholder);
    if (name == null) {
      throw DynamoDbError.validation("Invalid " + label + ": An expression attribute name used in the "
          + "document path is not defined; attribute name: " + placeholder);
    }
    usedNames.add(placeholder);
    return name;
  }

  AttrValue value(String placeholder, String label) {
    AttrValue value = values.get(placeholder);
    if (value == null) {
      throw DynamoDbError.validation("Invalid " + label + ": An expression attribute value used in "
          + "expression is not defined; attribute value: " + placeholder);
    }
    usedValues.add(placeholder);
    return value;
  }

  /** Rejects names or values that no expression of the request referred to. */
  void verifyAllUsed() {
    Set<String> unusedNames = new TreeSet<>(names.keySet());
    unusedNames.removeAll(usedNames);
    if (!unusedNames.isEmpty()) {
      throw DynamoDbError.validation("Value provided in ExpressionAttributeNames unused in expressions: "
          + "keys: {" + String.join(", ", unusedNames) + "}");
    }
    Set<String> unusedValues = new TreeSet<>(values.keySet());
    unusedValues.removeAll(usedValues);
    if (!unusedValues.isEmpty()) {
      throw DynamoDbError.validation("Value provided in ExpressionAttributeValues unused in expressions: "
          + "keys: {" + String.join(", ", unusedValues) + "}");
    }
  }
}
