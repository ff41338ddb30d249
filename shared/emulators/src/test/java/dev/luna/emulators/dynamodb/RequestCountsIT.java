package dev.luna.emulators.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

class RequestCountsIT extends DynamoDbTestSupport {
  @Test
  void countsEachRequestOncePerTableItNames() {
    String a = createTable("counted-a", null);
    String b = createTable("counted-b", null);
    long aBefore = server.requestsTo(a), bBefore = server.requestsTo(b);

    client.putItem(r -> r.tableName(a).item(item("pk", s("1"))));
    client.getItem(r -> r.tableName(a).key(item("pk", s("1"))));
    client.batchGetItem(r -> r.requestItems(Map.of(
        a, KeysAndAttributes.builder().keys(List.of(item("pk", s("1")))).build(),
        b, KeysAndAttributes.builder().keys(List.of(item("pk", s("1")))).build())));
    client.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder().put(Put.builder().tableName(b).item(item("pk", s("2"))).build()).build()));

    assertThat(server.requestsTo(a) - aBefore).isEqualTo(3);
    assertThat(server.requestsTo(b) - bBefore).isEqualTo(2);
    assertThat(server.requestsTo("no-such-table-suffix")).isZero();
  }
}
