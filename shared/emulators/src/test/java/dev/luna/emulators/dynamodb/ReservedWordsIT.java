package dev.luna.emulators.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * DynamoDB's reserved words may not be written literally as attribute names in any expression; they must
 * go through an ExpressionAttributeNames placeholder. Function names and the grammar's own keywords are
 * unaffected.
 */
class ReservedWordsIT extends DynamoDbTestSupport {
  private static String table;

  /** pk is the table key; the byStatus index is keyed by the reserved word status, byGsi1 by gsi1pk/revision. */
  @BeforeAll
  static void createTable() {
    table = uniqueName("reserved");
    client.createTable(tableRequest(table, null, List.of(
        gsi("byStatus", ProjectionType.ALL, hash("status")),
        gsi("byGsi1", ProjectionType.ALL, hash("gsi1pk"), range("revision"))))
        .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("status", ScalarAttributeType.S),
            attribute("gsi1pk", ScalarAttributeType.S), attribute("revision", ScalarAttributeType.N))
        .build());
    client.putItem(b -> b.tableName(table).item(item("pk", s("doc"), "status", s("open"), "name", s("Doc"),
        "data", s("payload"), "size", n(3), "gsi1pk", s("g"), "revision", n(1), "hb", n(5),
        "lockedUntil", n(100), "requestHash", s("h"), "expiresAt", n(200),
        "info", AttributeValue.fromM(item("status", s("nested"), "note", s("n"))))));
  }

  private static String reservedMessage(String kind, String word) {
    return "Invalid " + kind + ": Attribute name is a reserved keyword; reserved keyword: " + word;
  }

  private static void assertRejected(String kind, String word, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(DynamoDbException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(reservedMessage(kind, word));
    });
  }

  private static Map<String, AttributeValue> doc() {
    return client.getItem(b -> b.tableName(table).key(item("pk", s("doc"))).consistentRead(true)).item();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"status", "name", "data", "size", "Status", "NAME"})
  void unescapedReservedWordsAreRejectedInEveryExpressionKind(String word) {
    Map<String, AttributeValue> before = doc();
    Map<String, AttributeValue> v = Map.of(":v", s("x"));

    assertRejected("ConditionExpression", word, () -> client.putItem(b -> b.tableName(table)
        .item(item("pk", s("never"))).conditionExpression("attribute_not_exists(" + word + ")")));
    assertRejected("ConditionExpression", word, () -> client.deleteItem(b -> b.tableName(table)
        .key(item("pk", s("doc"))).conditionExpression(word + " = :v").expressionAttributeValues(v)));
    assertRejected("FilterExpression", word, () -> client.scan(b -> b.tableName(table)
        .filterExpression(word + " = :v").expressionAttributeValues(v)));
    assertRejected("FilterExpression", word, () -> client.query(b -> b.tableName(table)
        .keyConditionExpression("pk = :p").filterExpression("begins_with(" + word + ", :v)")
        .expressionAttributeValues(Map.of(":p", s("doc"), ":v", s("x")))));
    assertRejected("KeyConditionExpression", word, () -> client.query(b -> b.tableName(table)
        .indexName("byStatus").keyConditionExpression(word + " = :v").expressionAttributeValues(v)));
    assertRejected("UpdateExpression", word, () -> client.updateItem(b -> b.tableName(table)
        .key(item("pk", s("doc"))).updateExpression("SET " + word + " = :v").expressionAttributeValues(v)));
    assertRejected("UpdateExpression", word, () -> client.updateItem(b -> b.tableName(table)
        .key(item("pk", s("doc"))).updateExpression("REMOVE hb, " + word)));
    assertRejected("UpdateExpression", word, () -> client.updateItem(b -> b.tableName(table)
        .key(item("pk", s("doc"))).updateExpression("ADD " + word + " :one")
        .expressionAttributeValues(Map.of(":one", n(1)))));
    assertRejected("ProjectionExpression", word, () -> client.getItem(b -> b.tableName(table)
        .key(item("pk", s("doc"))).projectionExpression("pk, " + word)));
    assertRejected("ProjectionExpression", word, () -> client.scan(b -> b.tableName(table)
        .projectionExpression(word)));

    assertThat(doc()).isEqualTo(before);
    assertThat(client.getItem(b -> b.tableName(table).key(item("pk", s("never")))).hasItem()).isFalse();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "info.status = :v | status",          // every element of a document path is checked
      "#i.status = :v | status",
      "info.note = :v AND #n = :v AND data = :v | data",
      "size(size) > :v | size",             // size the function is fine, size the attribute is not
      "contains(name, :v) | name",
      "pk IN (:v, status) | status",
      "NOT (pk = :v OR Data = :v) | Data",
      "pk = :v AND status = :undefined | status"})  // reported before undefined placeholders
  void theFirstReservedNameOfAConditionIsReported(String expression, String word) {
    Map<String, String> names = new HashMap<>();
    if (expression.contains("#i")) {
      names.put("#i", "info");
    }
    if (expression.contains("#n")) {
      names.put("#n", "name");
    }
    assertRejected("FilterExpression", word, () -> client.scan(b -> b.tableName(table).filterExpression(expression)
        .expressionAttributeNames(names.isEmpty() ? null : names)
        .expressionAttributeValues(Map.of(":v", s("x")))));
  }

  @Test
  void syntaxErrorsAndUnknownFunctionsInConditionsAreReportedFirst() {
    assertThatThrownBy(() -> client.updateItem(b -> b.tableName(table).key(item("pk", s("doc")))
        .updateExpression("SET status = :v :v").expressionAttributeValues(Map.of(":v", s("x")))))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .startsWith("Invalid UpdateExpression: Syntax error; token: \":v\""));
    assertThatThrownBy(() -> client.scan(b -> b.tableName(table).filterExpression("status = :v AND")
        .expressionAttributeValues(Map.of(":v", s("x")))))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .startsWith("Invalid FilterExpression: Syntax error; token: <EOF>"));
    assertThatThrownBy(() -> client.scan(b -> b.tableName(table).filterExpression("status = :v AND nope(pk)")
        .expressionAttributeValues(Map.of(":v", s("x")))))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("Invalid FilterExpression: Invalid function name; function: nope"));
    // in an update expression the reserved word comes first
    assertRejected("UpdateExpression", "status", () -> client.updateItem(b -> b.tableName(table)
        .key(item("pk", s("doc"))).updateExpression("SET a = nope(pk), status = :v")
        .expressionAttributeValues(Map.of(":v", s("x")))));
  }

  @Test
  void aReservedWordInATransactionIsAValidationError() {
    assertRejected("ConditionExpression", "status", () -> client.transactWriteItems(b -> b.transactItems(
        TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
            .key(item("pk", s("doc"))).conditionExpression("status = :v")
            .expressionAttributeValues(Map.of(":v", s("open"))).build()).build())));
  }

  @Test
  void reservedWordsWorkThroughPlaceholdersInEveryExpressionKind() {
    client.putItem(b -> b.tableName(table).item(item("pk", s("ph"), "status", s("ph-open"), "name", s("Ph"),
        "data", s("payload"), "size", n(3), "info", AttributeValue.fromM(item("status", s("nested"))))));
    Map<String, String> names = names("#s", "status", "#n", "name", "#d", "data", "#z", "size");
    var updated = client.updateItem(b -> b.tableName(table).key(item("pk", s("ph")))
        .updateExpression("SET #s = :closed, #n = :name, #d = :data ADD #z :one")
        .conditionExpression("#s = :open AND attribute_exists(#n) AND size(#d) > :zero AND #z = :three")
        .expressionAttributeNames(names)
        .expressionAttributeValues(Map.of(":closed", s("closed"), ":name", s("Renamed"), ":data", s("d2"),
            ":one", n(1), ":open", s("ph-open"), ":zero", n(0), ":three", n(3)))
        .returnValues(ReturnValue.ALL_NEW)).attributes();
    assertThat(updated).containsEntry("status", s("closed")).containsEntry("name", s("Renamed"))
        .containsEntry("data", s("d2")).containsEntry("size", n(4));

    var queried = client.query(b -> b.tableName(table).indexName("byStatus")
        .keyConditionExpression("#s = :closed").filterExpression("#n = :name AND #i.#s = :nested")
        .projectionExpression("pk, #s, #n, #d, #z, #i.#s")
        .expressionAttributeNames(names("#s", "status", "#n", "name", "#d", "data", "#z", "size", "#i", "info"))
        .expressionAttributeValues(Map.of(":closed", s("closed"), ":name", s("Renamed"), ":nested", s("nested"))));
    assertThat(queried.items()).containsExactly(item("pk", s("ph"), "status", s("closed"), "name", s("Renamed"),
        "data", s("d2"), "size", n(4), "info", AttributeValue.fromM(item("status", s("nested")))));

    var scanned = client.scan(b -> b.tableName(table).filterExpression("#z BETWEEN :lo AND :hi")
        .projectionExpression("#n").expressionAttributeNames(names("#z", "size", "#n", "name"))
        .expressionAttributeValues(Map.of(":lo", n(4), ":hi", n(10))));
    assertThat(scanned.items()).containsExactly(item("name", s("Renamed")));

    var removed = client.updateItem(b -> b.tableName(table).key(item("pk", s("ph")))
        .updateExpression("REMOVE #d, #i.#s")
        .expressionAttributeNames(names("#d", "data", "#i", "info", "#s", "status"))
        .returnValues(ReturnValue.ALL_NEW)).attributes();
    assertThat(removed).doesNotContainKey("data").containsEntry("info", AttributeValue.fromM(Map.of()));
  }

  @Test
  void functionNamesAndGrammarKeywordsKeepWorking() {
    client.putItem(b -> b.tableName(table).item(item("pk", s("fn"), "c", n(1), "l", AttributeValue.fromL(List.of()),
        "tags", AttributeValue.fromSs(List.of("a", "b")), "gone", s("x"))));
    var result = client.updateItem(b -> b.tableName(table).key(item("pk", s("fn")))
        .updateExpression("set fresh = if_not_exists(fresh, :zero), l = list_append(l, :list) "
            + "ADD c :one DELETE tags :a REMOVE gone")
        .conditionExpression("attribute_exists(pk) and attribute_not_exists(nope) and begins_with(pk, :f) "
            + "AND contains(tags, :aS) AND size(tags) BETWEEN :one AND :two AND attribute_type(c, :N) "
            + "AND NOT (c IN (:zero, :two) OR c <> :one)")
        .expressionAttributeValues(Map.of(":zero", n(0), ":one", n(1), ":list", AttributeValue.fromL(List.of(n(1))),
            ":a", AttributeValue.fromSs(List.of("a")), ":f", s("f"), ":aS", s("a"), ":two", n(2), ":N", s("N")))
        .returnValues(ReturnValue.ALL_NEW)).attributes();
    assertThat(result).isEqualTo(item("pk", s("fn"), "c", n(2), "l", AttributeValue.fromL(List.of(n(1))),
        "tags", AttributeValue.fromSs(List.of("b")), "fresh", n(0)));
    var filtered = client.scan(b -> b.tableName(table)
        .filterExpression("size(l) = :one and attribute_type(tags, :SS) and not attribute_exists(gone)")
        .projectionExpression("pk, l[0], c").expressionAttributeValues(Map.of(":one", n(1), ":SS", s("SS"))));
    assertThat(filtered.items()).containsExactly(item("pk", s("fn"), "l", AttributeValue.fromL(List.of(n(1))),
        "c", n(2)));
  }

  @Test
  void nonReservedNamesAreAcceptedLiterally() {
    var updated = client.updateItem(b -> b.tableName(table).key(item("pk", s("doc")))
        .updateExpression("SET revision = revision + :one, hb = :hb, lockedUntil = :until, requestHash = :h, "
            + "expiresAt = if_not_exists(expiresAt, :until) REMOVE gsi1pk")
        .conditionExpression("attribute_exists(pk) AND revision = :one AND lockedUntil < :until "
            + "AND requestHash = :h AND begins_with(gsi1pk, :g) AND hb > :zero AND expiresAt > :zero")
        .expressionAttributeValues(Map.of(":one", n(1), ":hb", n(6), ":until", n(150), ":h", s("h"),
            ":g", s("g"), ":zero", n(0)))
        .returnValues(ReturnValue.UPDATED_NEW)).attributes();
    assertThat(updated).containsEntry("revision", n(2)).containsEntry("hb", n(6))
        .containsEntry("lockedUntil", n(150)).containsEntry("expiresAt", n(200));
    client.updateItem(b -> b.tableName(table).key(item("pk", s("doc")))
        .updateExpression("SET gsi1pk = :g, revision = :one, hb = :five, lockedUntil = :hundred")
        .expressionAttributeValues(Map.of(":g", s("g"), ":one", n(1), ":five", n(5), ":hundred", n(100))));

    var queried = client.query(b -> b.tableName(table).indexName("byGsi1")
        .keyConditionExpression("gsi1pk = :g AND revision BETWEEN :one AND :two")
        .filterExpression("hb = :five AND attribute_exists(requestHash)")
        .projectionExpression("pk, gsi1pk, revision, hb, lockedUntil, requestHash, expiresAt")
        .expressionAttributeValues(Map.of(":g", s("g"), ":one", n(1), ":two", n(2), ":five", n(5))));
    assertThat(queried.items()).containsExactly(item("pk", s("doc"), "gsi1pk", s("g"), "revision", n(1), "hb", n(5),
        "lockedUntil", n(100), "requestHash", s("h"), "expiresAt", n(200)));
  }

  @Test
  void theListIsAwsPublishedOne() {
    assertThat(ReservedWords.size()).isEqualTo(573);
    Consumer<String> reserved = w -> assertThat(ReservedWords.contains(w)).as(w).isTrue();
    List.of("ABORT", "status", "Name", "data", "SIZE", "flattern", "innter", "loged", "zone", "ttl", "owner",
        "inner", "other", "missing", "list", "map", "count", "value", "values", "key", "type", "timestamp")
        .forEach(reserved);
    Consumer<String> notReserved = w -> assertThat(ReservedWords.contains(w)).as(w).isFalse();
    List.of("pk", "sk", "gsi1pk", "revision", "hb", "lockedUntil", "requestHash", "expiresAt", "version", "id",
        "attribute_exists", "begins_with", "if_not_exists", "list_append", "contains", "attribute_type",
        "attribute_not_exists", "lease", "owner_id", "statuses")
        .forEach(notReserved);
  }
}
