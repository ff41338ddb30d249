package dev.luna.emulators.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class BatchAndTransactionIT extends DynamoDbTestSupport {
  private static String accounts;
  private static String ledger;

  @BeforeAll
  static void tables() {
    accounts = createTable("accounts", null);
    ledger = createTable("ledger", null);
  }

  private static Map<String, AttributeValue> get(String table, String pk) {
    var response = client.getItem(b -> b.tableName(table).key(item("pk", s(pk))));
    return response.hasItem() ? response.item() : null;
  }

  private static WriteRequest put(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
  }

  @Test
  void batchWriteAndGetAcrossTables() {
    List<WriteRequest> accountWrites = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      accountWrites.add(put(item("pk", s("batch" + i), "i", n(i))));
    }
    var written = client.batchWriteItem(b -> b.requestItems(Map.of(accounts, accountWrites,
        ledger, List.of(put(item("pk", s("batch-ledger")))))));
    assertThat(written.unprocessedItems()).isEmpty();

    client.batchWriteItem(b -> b.requestItems(Map.of(accounts, List.of(
        WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(item("pk", s("batch0"))).build()).build(),
        put(item("pk", s("batch1"), "i", n(100)))))));

    var read = client.batchGetItem(b -> b.requestItems(Map.of(
        accounts, KeysAndAttributes.builder().keys(item("pk", s("batch0")), item("pk", s("batch1")),
            item("pk", s("batch2")), item("pk", s("missing"))).projectionExpression("#i")
            .expressionAttributeNames(Map.of("#i", "i")).build(),
        ledger, KeysAndAttributes.builder().keys(item("pk", s("batch-ledger"))).build())));
    assertThat(read.unprocessedKeys()).isEmpty();
    assertThat(read.responses().get(accounts)).containsExactlyInAnyOrder(item("i", n(100)), item("i", n(2)));
    assertThat(read.responses().get(ledger)).containsExactly(item("pk", s("batch-ledger")));
  }

  @Test
  void batchLimitsAndDuplicatesAreValidationErrors() {
    List<WriteRequest> tooMany = new ArrayList<>();
    for (int i = 0; i < 26; i++) {
      tooMany.add(put(item("pk", s("many" + i))));
    }
    assertThatThrownBy(() -> client.batchWriteItem(b -> b.requestItems(Map.of(accounts, tooMany))))
        .isInstanceOf(DynamoDbException.class).hasMessageContaining("25");
    assertThat(get(accounts, "many0")).isNull();
    assertThatThrownBy(() -> client.batchWriteItem(b -> b.requestItems(Map.of(accounts,
        List.of(put(item("pk", s("twice"))), put(item("pk", s("twice"), "v", n(1))))))))
        .hasMessageContaining("duplicates");
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      keys.add(item("pk", s("k" + i)));
    }
    assertThatThrownBy(() -> client.batchGetItem(b -> b.requestItems(Map.of(accounts,
        KeysAndAttributes.builder().keys(keys).build()))))
        .hasMessageContaining("Too many items");
    assertThatThrownBy(() -> client.batchWriteItem(b -> b.requestItems(Map.of(accounts,
        List.of(put(item("pk", s("ok"))), put(item("nokey", s("x"))))))))
        .hasMessageContaining("Missing the key pk");
    assertThat(get(accounts, "ok")).as("a batch is validated before anything is written").isNull();
  }

  @Test
  void transactionAppliesAllWrites() {
    client.putItem(b -> b.tableName(accounts).item(item("pk", s("alice"), "balance", n(100))));
    client.putItem(b -> b.tableName(accounts).item(item("pk", s("bob"), "balance", n(0))));
    client.putItem(b -> b.tableName(ledger).item(item("pk", s("stale"))));
    client.putItem(b -> b.tableName(accounts).item(item("pk", s("bank"), "open", AttributeValue.fromBool(true))));

    client.transactWriteItems(b -> b.transactItems(
        TransactWriteItem.builder().update(Update.builder().tableName(accounts).key(item("pk", s("alice")))
            .updateExpression("SET balance = balance - :amt").conditionExpression("balance >= :amt")
            .expressionAttributeValues(Map.of(":amt", n(30))).build()).build(),
        TransactWriteItem.builder().update(Update.builder().tableName(accounts).key(item("pk", s("bob")))
            .updateExpression("ADD balance :amt").expressionAttributeValues(Map.of(":amt", n(30))).build()).build(),
        TransactWriteItem.builder().put(Put.builder().tableName(ledger).item(item("pk", s("tx1"), "amount", n(30)))
            .conditionExpression("attribute_not_exists(pk)").build()).build(),
        TransactWriteItem.builder().delete(Delete.builder().tableName(ledger).key(item("pk", s("stale"))).build()).build(),
        TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(accounts)
            .key(item("pk", s("bank"))).conditionExpression("#o = :yes").expressionAttributeNames(Map.of("#o", "open"))
            .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))).build()).build()));

    assertThat(get(accounts, "alice")).containsEntry("balance", n(70));
    assertThat(get(accounts, "bob")).containsEntry("balance", n(30));
    assertThat(get(ledger, "tx1")).containsEntry("amount", n(30));
    assertThat(get(ledger, "stale")).isNull();
  }

  @Test
  void cancelledTransactionAppliesNothingAndExplainsEachItem() {
    client.putItem(b -> b.tableName(accounts).item(item("pk", s("carol"), "balance", n(10))));
    client.putItem(b -> b.tableName(ledger).item(item("pk", s("existing"), "v", n(1))));

    assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(
        TransactWriteItem.builder().update(Update.builder().tableName(accounts).key(item("pk", s("carol")))
            .updateExpression("SET balance = balance - :amt").expressionAttributeValues(Map.of(":amt", n(5)))
            .build()).build(),
        TransactWriteItem.builder().put(Put.builder().tableName(ledger).item(item("pk", s("existing"), "v", n(2)))
            .conditionExpression("attribute_not_exists(pk)")
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build(),
        TransactWriteItem.builder().put(Put.builder().tableName(ledger).item(item("pk", s("new-entry"))).build()).build(),
        TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(accounts)
            .key(item("pk", s("nobody"))).conditionExpression("attribute_exists(pk)").build()).build())))
        .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.hasCancellationReasons()).isTrue();
          assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
              .containsExactly("None", "ConditionalCheckFailed", "None", "ConditionalCheckFailed");
          assertThat(e.cancellationReasons().get(1).item()).isEqualTo(item("pk", s("existing"), "v", n(1)));
          assertThat(e.cancellationReasons().get(3).hasItem()).isFalse();
          assertThat(e.getMessage()).contains("[None, ConditionalCheckFailed, None, ConditionalCheckFailed]");
        });

    assertThat(get(accounts, "carol")).containsEntry("balance", n(10));
    assertThat(get(ledger, "existing")).containsEntry("v", n(1));
    assertThat(get(ledger, "new-entry")).isNull();
  }

  @Test
  void updateErrorInsideATransactionCancelsItWithValidationError() {
    client.putItem(b -> b.tableName(accounts).item(item("pk", s("dave"), "name", s("Dave"))));
    assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(
        TransactWriteItem.builder().put(Put.builder().tableName(ledger).item(item("pk", s("never"))).build()).build(),
        TransactWriteItem.builder().update(Update.builder().tableName(accounts).key(item("pk", s("dave")))
            .updateExpression("SET #n = #n + :one").expressionAttributeNames(Map.of("#n", "name"))
            .expressionAttributeValues(Map.of(":one", n(1)))
            .build()).build())))
        .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons())
            .extracting(CancellationReason::code).containsExactly("None", "ValidationError"));
    assertThat(get(ledger, "never")).isNull();
  }

  @Test
  void transactionRejectsTwoOperationsOnOneItem() {
    assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(
        TransactWriteItem.builder().put(Put.builder().tableName(ledger).item(item("pk", s("same"))).build()).build(),
        TransactWriteItem.builder().delete(Delete.builder().tableName(ledger).key(item("pk", s("same"))).build()).build())))
        .isInstanceOf(DynamoDbException.class)
        .isNotInstanceOf(TransactionCanceledException.class)
        .hasMessageContaining("multiple operations on one item");
  }

  @Test
  void transactGetReadsSeveralTablesWithProjection() {
    client.putItem(b -> b.tableName(accounts).item(item("pk", s("erin"), "balance", n(5), "secret", s("x"))));
    client.putItem(b -> b.tableName(ledger).item(item("pk", s("erin-entry"), "amount", n(5))));
    var responses = client.transactGetItems(b -> b.transactItems(
        TransactGetItem.builder().get(g -> g.tableName(accounts).key(item("pk", s("erin"))).projectionExpression("balance")).build(),
        TransactGetItem.builder().get(g -> g.tableName(ledger).key(item("pk", s("missing")))).build(),
        TransactGetItem.builder().get(g -> g.tableName(ledger).key(item("pk", s("erin-entry")))).build())).responses();
    assertThat(responses).hasSize(3);
    assertThat(responses.get(0).item()).isEqualTo(item("balance", n(5)));
    assertThat(responses.get(1).hasItem()).isFalse();
    assertThat(responses.get(2).item()).isEqualTo(item("pk", s("erin-entry"), "amount", n(5)));
  }
}
