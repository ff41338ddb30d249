package dev.luna.emulators.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Every condition feature, checked both as a ConditionExpression and as a FilterExpression. */
class ConditionExpressionIT extends DynamoDbTestSupport {
  private static final Pattern PLACEHOLDER = Pattern.compile("[:#][A-Za-z0-9_]+");
  private static final Map<String, AttributeValue> VALUES = new HashMap<>();
  private static final Map<String, String> NAMES = Map.of("#dotted", "a.b", "#c", "count", "#n", "name",
      "#map", "map", "#list", "list", "#missing", "missing", "#sub", "sub"); // reserved words
  private static String table;
  private static Map<String, AttributeValue> subject;

  @BeforeAll
  static void setUp() {
    table = createTable("conditions", null);
    subject = item("pk", s("subject"), "name", s("Alice"), "age", n(30),
        "tags", AttributeValue.fromSs(List.of("red", "blue")), "nums", AttributeValue.fromNs(List.of("1", "2")),
        "list", AttributeValue.fromL(List.of(s("a"), n(1), AttributeValue.fromM(item("k", s("v"))))),
        "map", AttributeValue.fromM(item("nested", AttributeValue.fromM(item("deep", s("yes"))), "count", n(3))),
        "flag", AttributeValue.fromBool(true), "nil", AttributeValue.fromNul(true),
        "bin", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3})), "a.b", s("dotted"));
    client.putItem(b -> b.tableName(table).item(subject));
    VALUES.putAll(Map.ofEntries(
        Map.entry(":30", n(30)), Map.entry(":30s", n("30.0")), Map.entry(":40", n(40)), Map.entry(":20", n(20)),
        Map.entry(":31", n(31)), Map.entry(":1", n(1)), Map.entry(":2", n(2)), Map.entry(":3", n(3)),
        Map.entry(":5", n(5)), Map.entry(":alice", s("Alice")), Map.entry(":bob", s("Bob")), Map.entry(":x", s("x")),
        Map.entry(":str", s("30")), Map.entry(":Al", s("Al")), Map.entry(":al", s("al")), Map.entry(":lic", s("lic")),
        Map.entry(":red", s("red")), Map.entry(":green", s("green")), Map.entry(":a", s("a")),
        Map.entry(":N", s("N")), Map.entry(":S", s("S")), Map.entry(":SS", s("SS")), Map.entry(":M", s("M")),
        Map.entry(":NULL", s("NULL")), Map.entry(":true", AttributeValue.fromBool(true)),
        Map.entry(":null", AttributeValue.fromNul(true)), Map.entry(":dotted", s("dotted")),
        Map.entry(":b12", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2}))),
        Map.entry(":b2", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {2}))),
        Map.entry(":yes", s("yes")), Map.entry(":v", s("v"))));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "age = :30 | true", "age = :30s | true", "age <> :30 | false", "#missing <> :30 | true", "#missing = :30 | false",
      "age < :40 | true", "age <= :30 | true", "age > :30 | false", "age >= :30 | true",
      "#n < :bob | true", "#n > :bob | false", "age < :str | false",
      "age BETWEEN :20 AND :40 | true", "age BETWEEN :31 AND :40 | false", "age between :20 and :30 | true",
      "#n IN (:x, :alice) | true", "age IN (:1, :2) | false", "age in (:30) | true",
      "attribute_exists(#map.nested.deep) | true", "attribute_exists(#map.nested.nope) | false",
      "attribute_not_exists(#map.nested.nope) | true", "attribute_not_exists(age) | false",
      "attribute_exists(#list[2].k) | true", "attribute_exists(#list[5]) | false", "attribute_exists(age.#sub) | false",
      "attribute_type(age, :N) | true", "attribute_type(tags, :SS) | true", "attribute_type(age, :S) | false",
      "attribute_type(nil, :NULL) | true", "attribute_type(#map, :M) | true",
      "begins_with(#n, :Al) | true", "begins_with(#n, :al) | false", "begins_with(bin, :b12) | true",
      "begins_with(bin, :b2) | false", "begins_with(age, :Al) | false",
      "contains(#n, :lic) | true", "contains(tags, :red) | true", "contains(tags, :green) | false",
      "contains(nums, :2) | true", "contains(nums, :5) | false", "contains(#list, :a) | true",
      "contains(#list, :1) | true",
      "size(#n) = :5 | true", "size(tags) = :2 | true", "size(#map) = :2 | true", "size(#list) > :2 | true",
      "size(bin) = :3 | true", "size(#missing) = :1 | false", "size(#map.nested) = :1 | true",
      "NOT age = :30 | false", "not age = :1 | true", "age = :30 AND #n = :alice | true",
      "age = :1 OR #n = :alice | true", "NOT (age = :1 OR #n = :bob) | true",
      "age = :30 OR age = :1 AND #n = :bob | true", "(age = :30 OR age = :1) AND #n = :bob | false",
      "NOT NOT age = :30 | true", "#dotted = :dotted | true", "#map.#c = :3 | true", "#map.nested.deep = :yes | true",
      "flag = :true | true", "nil = :null | true", "#list[1] = :1 | true", "#list[2].k = :v | true",
      "age = :30 and (#n = :bob or contains(tags, :red)) | true"})
  void conditionSemantics(String expression, boolean expected) {
    Map<String, AttributeValue> values = used(expression, VALUES);
    Map<String, String> names = used(expression, NAMES);

    var scan = client.scan(b -> b.tableName(table).filterExpression(expression)
        .expressionAttributeValues(values.isEmpty() ? null : values)
        .expressionAttributeNames(names.isEmpty() ? null : names));
    assertThat(scan.count()).as("filter %s", expression).isEqualTo(expected ? 1 : 0);
    assertThat(scan.scannedCount()).isEqualTo(1);

    boolean put;
    try {
      client.putItem(b -> b.tableName(table).item(subject).conditionExpression(expression)
          .expressionAttributeValues(values.isEmpty() ? null : values)
          .expressionAttributeNames(names.isEmpty() ? null : names));
      put = true;
    } catch (ConditionalCheckFailedException e) {
      put = false;
    }
    assertThat(put).as("condition %s", expression).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "age = :undefined | attribute value used in expression is not defined",
      "#undefined = :30 | attribute name used in the document path is not defined",
      "age = | Syntax error",
      "age = :30 AND | Syntax error",
      "age :30 | Syntax error",
      "(age = :30 | Syntax error",
      "unknown_fn(age) | Invalid function name",
      "if_not_exists(age, :30) | not allowed to be used this way",
      "size(age) | Syntax error",
      "attribute_exists(age, :30) | Incorrect number of operands",
      "attribute_type(age, :alice) | Invalid attribute type name",
      "age = :30 $ | Invalid character",
      "age BETWEEN :20 | Syntax error"})
  void invalidConditionsAreValidationErrors(String expression, String message) {
    Map<String, AttributeValue> values = used(expression, VALUES);
    assertThatThrownBy(() -> client.putItem(b -> b.tableName(table).item(item("pk", s("never")))
        .conditionExpression(expression).expressionAttributeValues(values.isEmpty() ? null : values)))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        })
        .hasMessageContaining(message);
    assertThat(client.getItem(b -> b.tableName(table).key(item("pk", s("never")))).hasItem()).isFalse();
  }

  @Test
  void unusedNamesAndValuesAreRejected() {
    assertThatThrownBy(() -> client.putItem(b -> b.tableName(table).item(item("pk", s("never")))
        .conditionExpression("attribute_not_exists(pk)").expressionAttributeValues(Map.of(":unused", n(1)))))
        .hasMessageContaining("unused in expressions").hasMessageContaining(":unused");
    assertThatThrownBy(() -> client.putItem(b -> b.tableName(table).item(item("pk", s("never")))
        .expressionAttributeNames(Map.of("#unused", "x"))))
        .hasMessageContaining("unused in expressions").hasMessageContaining("#unused");
  }

  @Test
  void conditionsOnAMissingItemSeeNoAttributes() {
    client.putItem(b -> b.tableName(table).item(item("pk", s("new"), "v", n(1)))
        .conditionExpression("attribute_not_exists(pk) AND v <> :1").expressionAttributeValues(Map.of(":1", n(1))));
    assertThatThrownBy(() -> client.putItem(b -> b.tableName(table).item(item("pk", s("new2")))
        .conditionExpression("attribute_exists(pk)")))
        .isInstanceOf(ConditionalCheckFailedException.class);
  }

  private static <V> Map<String, V> used(String expression, Map<String, V> all) {
    Map<String, V> used = new HashMap<>();
    Matcher m = PLACEHOLDER.matcher(expression);
    while (m.find()) {
      if (all.containsKey(m.group())) {
        used.put(m.group(), all.get(m.group()));
      }
    }
    return used;
  }
}
