package dev.luna.emulators.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class UpdateExpressionIT extends DynamoDbTestSupport {
  private static String table;
  private static final Map<String, AttributeValue> KEY = item("pk", s("doc"), "sk", n(1));
  /** Placeholders for the item's attributes whose names are DynamoDB reserved words. */
  private static final Map<String, String> RESERVED_NAMES =
      Map.of("#n", "name", "#l", "list", "#m", "map", "#i", "inner", "#missing", "missing");

  @BeforeAll
  static void createTable() {
    table = createTable("updates", ScalarAttributeType.N);
  }

  @BeforeEach
  void resetItem() {
    client.putItem(b -> b.tableName(table).item(item("pk", s("doc"), "sk", n(1),
        "count", n(10), "name", s("n"),
        "list", AttributeValue.fromL(List.of(s("l0"), s("l1"), s("l2"), s("l3"))),
        "map", AttributeValue.fromM(item("inner", AttributeValue.fromM(item("x", n(1))))),
        "tags", AttributeValue.fromSs(List.of("a", "b")),
        "nums", AttributeValue.fromNs(List.of("1", "2")))));
  }

  private static Map<String, AttributeValue> update(String expression, Object... valuesAndNames) {
    Map<String, AttributeValue> values = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    for (int i = 0; i < valuesAndNames.length; i += 2) {
      String key = (String) valuesAndNames[i];
      if (key.startsWith(":")) {
        values.put(key, (AttributeValue) valuesAndNames[i + 1]);
      } else {
        names.put(key, (String) valuesAndNames[i + 1]);
      }
    }
    return client.updateItem(b -> b.tableName(table).key(KEY).updateExpression(expression)
        .expressionAttributeValues(values.isEmpty() ? null : values)
        .expressionAttributeNames(names.isEmpty() ? null : names)
        .returnValues(ReturnValue.ALL_NEW)).attributes();
  }

  @Test
  void arithmeticAndIfNotExists() {
    var result = update("SET #c = #c + :five, d = :hundred - #c, e = if_not_exists(e, :zero) + :one, "
        + "f = if_not_exists(#c, :zero)", "#c", "count", ":five", n(5), ":hundred", n(100), ":zero", n(0), ":one", n(1));
    assertThat(result.get("count")).isEqualTo(n(15));
    assertThat(result.get("d")).isEqualTo(n(90)); // operands see the item before the update
    assertThat(result.get("e")).isEqualTo(n(1));
    assertThat(result.get("f")).isEqualTo(n(10));
    var again = update("SET e = if_not_exists(e, :zero) + :one", ":zero", n(0), ":one", n(1));
    assertThat(again.get("e")).isEqualTo(n(2));
    var decimals = update("SET g = :a + :b", ":a", n("0.1"), ":b", n("0.2"));
    assertThat(decimals.get("g")).isEqualTo(n("0.3"));
  }

  @Test
  void listAppendInEitherOrder() {
    var result = update("SET #l = list_append(#l, :tail), front = list_append(:head, #l)", "#l", "list",
        ":tail", AttributeValue.fromL(List.of(s("t"))), ":head", AttributeValue.fromL(List.of(s("h"))));
    assertThat(result.get("list").l()).extracting(AttributeValue::s).containsExactly("l0", "l1", "l2", "l3", "t");
    assertThat(result.get("front").l()).extracting(AttributeValue::s).containsExactly("h", "l0", "l1", "l2", "l3");
  }

  @Test
  void nestedPathsAndListIndexes() {
    var result = update("SET #m.#i.y = :v, #m.#o = :v, #l[1] = :v, #l[10] = :appended",
        "#m", "map", "#i", "inner", "#o", "other", "#l", "list", ":v", s("v"), ":appended", s("end"));
    assertThat(result.get("map").m().get("inner").m()).containsEntry("x", n(1)).containsEntry("y", s("v"));
    assertThat(result.get("map").m()).containsEntry("other", s("v"));
    assertThat(result.get("list").l()).extracting(AttributeValue::s).containsExactly("l0", "v", "l2", "l3", "end");
  }

  @Test
  void removeAttributesAndListElementsByOriginalIndex() {
    var result = update("REMOVE #n, #l[0], #l[2], #m.#i.x, #missing",
        "#n", "name", "#l", "list", "#m", "map", "#i", "inner", "#missing", "missing");
    assertThat(result).doesNotContainKeys("name", "missing");
    assertThat(result.get("list").l()).extracting(AttributeValue::s).containsExactly("l1", "l3");
    assertThat(result.get("map").m().get("inner").m()).isEmpty();
  }

  @Test
  void addAndDeleteOnNumbersAndSets() {
    var result = update("ADD #c :two, newCounter :two, tags :cd, nums :n3", "#c", "count", ":two", n(2),
        ":cd", AttributeValue.fromSs(List.of("c", "d")), ":n3", AttributeValue.fromNs(List.of("3")));
    assertThat(result.get("count")).isEqualTo(n(12));
    assertThat(result.get("newCounter")).isEqualTo(n(2));
    assertThat(result.get("tags").ss()).containsExactlyInAnyOrder("a", "b", "c", "d");
    assertThat(result.get("nums").ns()).containsExactlyInAnyOrder("1", "2", "3");
    var deleted = update("DELETE tags :ac, nums :all", ":ac", AttributeValue.fromSs(List.of("a", "c", "zz")),
        ":all", AttributeValue.fromNs(List.of("1", "2", "3")));
    assertThat(deleted.get("tags").ss()).containsExactlyInAnyOrder("b", "d");
    assertThat(deleted).doesNotContainKey("nums"); // an emptied set disappears
    var newSet = update("ADD fresh :s", ":s", AttributeValue.fromSs(List.of("only")));
    assertThat(newSet.get("fresh").ss()).containsExactly("only");
  }

  @Test
  void multipleClausesInAnyOrderAndAnyCase() {
    var result = update("remove #n add #c :one set a = :a, b = :b delete tags :a2",
        "#n", "name", "#c", "count", ":one", n(1), ":a", s("A"), ":b", s("B"),
        ":a2", AttributeValue.fromSs(List.of("a")));
    assertThat(result).doesNotContainKey("name").containsEntry("count", n(11))
        .containsEntry("a", s("A")).containsEntry("b", s("B"));
    assertThat(result.get("tags").ss()).containsExactly("b");
  }

  @Test
  void upsertCreatesTheItemFromTheKey() {
    var created = client.updateItem(b -> b.tableName(table).key(item("pk", s("new"), "sk", n(2)))
        .updateExpression("SET v = :v ADD hits :one")
        .expressionAttributeValues(Map.of(":v", s("x"), ":one", n(1))).returnValues(ReturnValue.ALL_NEW)).attributes();
    assertThat(created).isEqualTo(item("pk", s("new"), "sk", n(2), "v", s("x"), "hits", n(1)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "SET #n = #n + :one | incorrect data type",
      "SET x = #missing + :one | does not exist",
      "SET nope.deeper = :one | document path provided in the update expression is invalid",
      "SET #l[9].x = :one | document path provided in the update expression is invalid",
      "SET pk = :one | part of the key",
      "REMOVE sk | part of the key",
      "SET a = :one, a = :one | overlap",
      "SET #m = :one REMOVE #m.#i | overlap",
      "SET a = :one SET b = :one | can only be used once",
      "SET a = :undefined | not defined",
      "SET a :one | Syntax error",
      "UPSERT a = :one | Syntax error",
      "ADD #n :one | incorrect data type",
      "ADD a :str | Incorrect operand type",
      "DELETE tags :one | Incorrect operand type",
      "SET a = list_append(#n, :one) | incorrect data type",
      "SET a = size(#n) | not allowed to be used this way"})
  void invalidUpdatesAreValidationErrorsAndChangeNothing(String expression, String message) {
    Map<String, AttributeValue> all = Map.of(":one", n(1), ":str", s("s"));
    Map<String, AttributeValue> values = new HashMap<>();
    all.forEach((k, v) -> {
      if (expression.matches(".*" + k + "\\b.*")) {
        values.put(k, v);
      }
    });
    Map<String, String> names = new HashMap<>();
    RESERVED_NAMES.forEach((k, v) -> {
      if (expression.matches(".*" + k + "\\b.*")) {
        names.put(k, v);
      }
    });
    var before = client.getItem(b -> b.tableName(table).key(KEY)).item();
    assertThatThrownBy(() -> client.updateItem(b -> b.tableName(table).key(KEY).updateExpression(expression)
        .expressionAttributeValues(values.isEmpty() ? null : values)
        .expressionAttributeNames(names.isEmpty() ? null : names)))
        .isInstanceOfSatisfying(DynamoDbException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
        .hasMessageContaining(message);
    assertThat(client.getItem(b -> b.tableName(table).key(KEY)).item()).isEqualTo(before);
  }

  @Test
  void conditionalUpdateIsCheckedAgainstTheCurrentItem() {
    update("SET version = :one", ":one", n(1));
    var result = client.updateItem(b -> b.tableName(table).key(KEY)
        .updateExpression("SET version = version + :one").conditionExpression("version = :one")
        .expressionAttributeValues(Map.of(":one", n(1))).returnValues(ReturnValue.UPDATED_NEW)).attributes();
    assertThat(result).isEqualTo(item("version", n(2)));
    assertThatThrownBy(() -> client.updateItem(b -> b.tableName(table).key(KEY)
        .updateExpression("SET version = version + :one").conditionExpression("version = :one")
        .expressionAttributeValues(Map.of(":one", n(1)))))
        .isInstanceOf(ConditionalCheckFailedException.class);
  }
}
