package dev.luna.emulators.dynamodb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A DynamoDB service error, rendered as the JSON error body the AWS SDK understands. */
final class DynamoDbError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailedException";
  static final String VALIDATION = "ValidationException";
  private static final String TYPE_PREFIX = "com.amazonaws.dynamodb.v20120810#";

  private final String type;
  private final int status;
  private final transient ObjectNode extraFields;

  private DynamoDbError(String type, int status, String message, ObjectNode extraFields) {
    super(message, null, false, false);
    this.type = type;
    this.status = status;
    this.extraFields = extraFields;
  }

  static DynamoDbError validation(String message) {
    return new DynamoDbError(VALIDATION, 400, message, null);
  }

  static DynamoDbError resourceNotFound(String message) {
    return new DynamoDbError("ResourceNotFoundException", 400, message, null);
  }

  static DynamoDbError resourceInUse(String message) {
    return new DynamoDbError("ResourceInUseException", 400, message, null);
  }

  static DynamoDbError unknownOperation(String operation) {
    return new DynamoDbError("UnknownOperationException", 400,
        "Operation not supported by the Luna DynamoDB emulator: " + operation, null);
  }

  static DynamoDbError serialization(String message) {
    return new DynamoDbError("SerializationException", 400, message, null);
  }

  static DynamoDbError internal(String message) {
    return new DynamoDbError("InternalServerError", 500, message, null);
  }

  /** A failed condition; {@code item} (may be null) is returned when the caller asked for ALL_OLD. */
  static DynamoDbError conditionalCheckFailed(Map<String, AttrValue> item) {
    ObjectNode extra = null;
    if (item != null) {
      extra = Json.object();
      extra.set("Item", AttrValueJson.itemToJson(item));
    }
    return new DynamoDbError(CONDITIONAL_CHECK_FAILED, 400, "The conditional request failed", extra);
  }

  static DynamoDbError transactionCanceled(List<ObjectNode> reasons) {
    ArrayNode array = Json.array();
    reasons.forEach(array::add);
    ObjectNode extra = Json.object();
    extra.set("CancellationReasons", array);
    String codes = reasons.stream().map(r -> r.path("Code").asText())
        .collect(Collectors.joining(", ", "[", "]"));
    return new DynamoDbError("TransactionCanceledException", 400,
        "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes,
        extra);
  }

  String type() {
    return type;
  }

  int status() {
    return status;
  }

  /** Extra body fields (e.g. Item for a failed condition), or null. */
  ObjectNode extraFields() {
    return extraFields;
  }

  ObjectNode toJson() {
    ObjectNode body = Json.object();
    body.put("__type", TYPE_PREFIX + type);
    body.put("message", getMessage());
    if (extraFields != null) {
      body.setAll(extraFields);
    }
    return body;
  }
}
