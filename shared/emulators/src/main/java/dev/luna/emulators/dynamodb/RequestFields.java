package dev.luna.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading and validating top-level request parameters. */
final class RequestFields {
  private RequestFields() {}

  static String requiredString(JsonNode request, String field) {
    JsonNode node = request.path(field);
    if (!node.isTextual()) {
      throw DynamoDbError.validation("1 validation error detected: Value null at '"
          + lowerFirst(field) + "' failed to satisfy constraint: Member must not be null");
    }
    return node.asText();
  }

  static String optionalString(JsonNode request, String field) {
    JsonNode node = request.path(field);
    return node.isTextual() ? node.asText() : null;
  }

  static JsonNode requiredNode(JsonNode request, String field) {
    JsonNode node = request.path(field);
    if (node.isMissingNode() || node.isNull()) {
      throw DynamoDbError.validation("1 validation error detected: Value null at '"
          + lowerFirst(field) + "' failed to satisfy constraint: Member must not be null");
    }
    return node;
  }

  static boolean has(JsonNode request, String field) {
    JsonNode node = request.path(field);
    return !node.isMissingNode() && !node.isNull();
  }

  /** An optional integer that must be at least {@code min}; null when absent. */
  static Integer optionalInt(JsonNode request, String field, int min, int max) {
    JsonNode node = request.path(field);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
      throw DynamoDbError.validation("1 validation error detected: Value '" + node.asText()
          + "' at '" + lowerFirst(field) + "' failed to satisfy constraint: Member must have value "
          + "between " + min + " and " + max);
    }
    return node.asInt();
  }

  static boolean optionalBoolean(JsonNode request, String field, boolean defaultValue) {
    JsonNode node = request.path(field);
    return node.isBoolean() ? node.asBoolean() : defaultValue;
  }

  /** The value of an enumerated parameter, or {@code defaultValue}; anything not allowed is rejected. */
  static String enumValue(JsonNode request, String field, String defaultValue, String... allowed) {
    String value = optionalString(request, field);
    if (value == null) {
      return defaultValue;
    }
    for (String a : allowed) {
      if (a.equals(value)) {
        return value;
      }
    }
    throw DynamoDbError.validation(field + " has an invalid value for this operation: " + value);
  }

  /** Rejects pre-expression (legacy) parameters, which this emulator does not implement. */
  static void rejectLegacy(JsonNode request, String... fields) {
    for (String field : fields) {
      if (has(request, field)) {
        throw DynamoDbError.validation("The legacy parameter " + field
            + " is not supported by the Luna DynamoDB emulator; use expressions instead");
      }
    }
  }

  private static String lowerFirst(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
