package dev.luna.emulators.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class ItemCrudIT extends DynamoDbTestSupport {
  private static String table;
  private static String simple;

  @BeforeAll
  static void tables() {
    table = createTable("crud", ScalarAttributeType.S);
    simple = createTable("simple", null);
  }

  @Test
  void putGetDeleteRoundTripsEveryAttributeType() {
    Map<String, AttributeValue> item = item(
        "pk", s("user#1"), "sk", s("profile"),
        "str", s("héllo 😀"), "empty", s(""),
        "num", n("-12.5"), "bin", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, (byte) 0xff, 7})),
        "yes", AttributeValue.fromBool(true), "nothing", AttributeValue.fromNul(true),
        "map", AttributeValue.fromM(item("inner", s("v"), "deeper", AttributeValue.fromM(item("n", n(1))))),
        "list", AttributeValue.fromL(List.of(s("a"), n(2), AttributeValue.fromL(List.of()))),
        "ss", AttributeValue.fromSs(List.of("x", "y")), "ns", AttributeValue.fromNs(List.of("1", "2.5")),
        "bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("a"), SdkBytes.fromUtf8String("b"))));
    client.putItem(b -> b.tableName(table).item(item));

    Map<String, AttributeValue> read = client.getItem(b -> b.tableName(table)
        .key(item("pk", s("user#1"), "sk", s("profile")))).item();
    assertThat(read).isEqualTo(item);

    Map<String, AttributeValue> old = client.deleteItem(b -> b.tableName(table)
        .key(item("pk", s("user#1"), "sk", s("profile"))).returnValues(ReturnValue.ALL_OLD)).attributes();
    assertThat(old).isEqualTo(item);
    var after = client.getItem(b -> b.tableName(table).key(item("pk", s("user#1"), "sk", s("profile"))));
    assertThat(after.hasItem()).isFalse();
  }

  @Test
  void numbersAreNormalisedAndComparedNumerically() {
    client.putItem(b -> b.tableName(simple).item(item("pk", s("num"), "a", n("1.50"), "b", n("1E+2"), "c", n("-0.0"))));
    var read = client.getItem(b -> b.tableName(simple).key(item("pk", s("num")))).item();
    assertThat(read.get("a").n()).isEqualTo("1.5");
    assertThat(read.get("b").n()).isEqualTo("100");
    assertThat(read.get("c").n()).isEqualTo("0");
    client.putItem(b -> b.tableName(simple).item(item("pk", s("num"), "a", n("1.5")))
        .conditionExpression("a = :v").expressionAttributeValues(Map.of(":v", n("1.500"))));
  }

  @Test
  void putReplacesAndReturnsOldItem() {
    client.putItem(b -> b.tableName(simple).item(item("pk", s("replace"), "v", n(1), "extra", s("x"))));
    var old = client.putItem(b -> b.tableName(simple).item(item("pk", s("replace"), "v", n(2)))
        .returnValues(ReturnValue.ALL_OLD)).attributes();
    assertThat(old).containsEntry("v", n(1)).containsEntry("extra", s("x"));
    assertThat(client.getItem(b -> b.tableName(simple).key(item("pk", s("replace")))).item())
        .isEqualTo(item("pk", s("replace"), "v", n(2)));
    assertThat(client.putItem(b -> b.tableName(simple).item(item("pk", s("fresh")))
        .returnValues(ReturnValue.ALL_OLD)).hasAttributes()).isFalse();
  }

  @Test
  void conditionalPutFailureCarriesTheOldItemWhenAsked() {
    client.putItem(b -> b.tableName(simple).item(item("pk", s("cond"), "v", n(1))));
    assertThatThrownBy(() -> client.putItem(b -> b.tableName(simple).item(item("pk", s("cond")))
        .conditionExpression("attribute_not_exists(pk)")
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
        .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.item()).isEqualTo(item("pk", s("cond"), "v", n(1)));
        });
    assertThatThrownBy(() -> client.deleteItem(b -> b.tableName(simple).key(item("pk", s("cond")))
        .conditionExpression("v = :two").expressionAttributeValues(Map.of(":two", n(2)))))
        .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> assertThat(e.hasItem()).isFalse());
    assertThat(client.getItem(b -> b.tableName(simple).key(item("pk", s("cond")))).item()).containsEntry("v", n(1));
    client.deleteItem(b -> b.tableName(simple).key(item("pk", s("cond")))
        .conditionExpression("v = :one").expressionAttributeValues(Map.of(":one", n(1))));
    assertThat(client.getItem(b -> b.tableName(simple).key(item("pk", s("cond")))).hasItem()).isFalse();
  }

  @Test
  void getItemAppliesProjection() {
    client.putItem(b -> b.tableName(simple).item(item("pk", s("proj"), "a", s("1"), "b", s("2"),
        "m", AttributeValue.fromM(item("x", s("keep"), "y", s("drop"))),
        "l", AttributeValue.fromL(List.of(s("l0"), s("l1"), s("l2"))))));
    var read = client.getItem(b -> b.tableName(simple).key(item("pk", s("proj")))
        .projectionExpression("a, #m.x, l[2], l[0], #missing")
        .expressionAttributeNames(Map.of("#m", "m", "#missing", "missing"))).item();
    assertThat(read).isEqualTo(item("a", s("1"), "m", AttributeValue.fromM(item("x", s("keep"))),
        "l", AttributeValue.fromL(List.of(s("l0"), s("l2")))));
  }

  @Test
  void updateItemReturnValues() {
    var key = item("pk", s("rv"));
    var created = client.updateItem(b -> b.tableName(simple).key(key).updateExpression("SET a = :one, b = :two")
        .expressionAttributeValues(Map.of(":one", n(1), ":two", n(2))).returnValues(ReturnValue.ALL_NEW)).attributes();
    assertThat(created).isEqualTo(item("pk", s("rv"), "a", n(1), "b", n(2)));

    var updatedOld = client.updateItem(b -> b.tableName(simple).key(key).updateExpression("SET a = :ten")
        .expressionAttributeValues(Map.of(":ten", n(10))).returnValues(ReturnValue.UPDATED_OLD)).attributes();
    assertThat(updatedOld).isEqualTo(item("a", n(1)));

    var updatedNew = client.updateItem(b -> b.tableName(simple).key(key).updateExpression("ADD b :five REMOVE a")
        .expressionAttributeValues(Map.of(":five", n(5))).returnValues(ReturnValue.UPDATED_NEW)).attributes();
    assertThat(updatedNew).isEqualTo(item("b", n(7)));

    var allOld = client.updateItem(b -> b.tableName(simple).key(key).updateExpression("SET c = :c")
        .expressionAttributeValues(Map.of(":c", s("c"))).returnValues(ReturnValue.ALL_OLD)).attributes();
    assertThat(allOld).isEqualTo(item("pk", s("rv"), "b", n(7)));

    var none = client.updateItem(b -> b.tableName(simple).key(key).updateExpression("SET d = :d")
        .expressionAttributeValues(Map.of(":d", s("d"))));
    assertThat(none.hasAttributes()).isFalse();
  }

  @Test
  void updateWithoutExpressionCreatesTheKeyOnlyItem() {
    client.updateItem(b -> b.tableName(simple).key(item("pk", s("bare"))));
    assertThat(client.getItem(b -> b.tableName(simple).key(item("pk", s("bare")))).item())
        .isEqualTo(item("pk", s("bare")));
  }

  @Test
  void invalidKeysAndItemsAreRejected() {
    assertThatThrownBy(() -> client.putItem(b -> b.tableName(table).item(item("pk", s("only-hash")))))
        .isInstanceOf(DynamoDbException.class).hasMessageContaining("Missing the key sk");
    assertThatThrownBy(() -> client.putItem(b -> b.tableName(table).item(item("pk", s(""), "sk", s("x")))))
        .hasMessageContaining("empty string value");
    assertThatThrownBy(() -> client.putItem(b -> b.tableName(table).item(item("pk", n(1), "sk", s("x")))))
        .hasMessageContaining("Type mismatch for key pk");
    assertThatThrownBy(() -> client.getItem(b -> b.tableName(table).key(item("pk", s("a")))))
        .hasMessageContaining("The provided key element does not match the schema");
    assertThatThrownBy(() -> client.getItem(b -> b.tableName(simple).key(item("pk", s("a"), "extra", s("b")))))
        .hasMessageContaining("The provided key element does not match the schema");
    assertThatThrownBy(() -> client.putItem(b -> b.tableName(simple)
        .item(item("pk", s("big"), "blob", s("x".repeat(400 * 1024))))))
        .hasMessageContaining("Item size has exceeded the maximum allowed size");
    assertThatThrownBy(() -> client.putItem(b -> b.tableName(simple).item(item("pk", s("dup"),
        "ss", AttributeValue.fromSs(List.of("a", "a"))))))
        .hasMessageContaining("duplicates");
    assertThatThrownBy(() -> client.putItem(b -> b.tableName(simple).item(item("pk", s("badnum"), "n", n("abc")))))
        .hasMessageContaining("numeric");
    assertThatThrownBy(() -> client.putItem(b -> b.tableName(simple).item(item("pk", s("x")))
        .returnValues(ReturnValue.ALL_NEW)))
        .hasMessageContaining("ReturnValues");
    assertThat(client.scan(b -> b.tableName(table)).count()).isZero();
  }

  @Test
  void itemJustUnderTheSizeLimitIsAccepted() {
    client.putItem(b -> b.tableName(simple).item(item("pk", s("almost"), "blob", s("x".repeat(400 * 1024 - 100)))));
    assertThat(client.getItem(b -> b.tableName(simple).key(item("pk", s("almost")))).item().get("blob").s())
        .hasSize(400 * 1024 - 100);
  }
}
