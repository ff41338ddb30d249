package dev.luna.emulators.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class TableLifecycleIT extends DynamoDbTestSupport {

  @Test
  void createDescribeDeleteTableWithIndexes() {
    String name = uniqueName("lifecycle");
    CreateTableRequest request = tableRequest(name, ScalarAttributeType.N,
        List.of(gsi("byEmail", ProjectionType.KEYS_ONLY, hash("email"))))
        .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N),
            attribute("email", ScalarAttributeType.S), attribute("created", ScalarAttributeType.S))
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byCreated")
            .keySchema(hash("pk"), range("created"))
            .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("title").build())
            .build())
        .build();

    var created = client.createTable(request).tableDescription();
    assertThat(created.tableStatus()).isEqualTo(TableStatus.ACTIVE);

    client.waiter().waitUntilTableExists(b -> b.tableName(name));
    client.putItem(b -> b.tableName(name).item(item("pk", s("a"), "sk", n(1), "email", s("x@y"))));

    DescribeTableResponse described = client.describeTable(b -> b.tableName(name));
    var table = described.table();
    assertThat(table.tableName()).isEqualTo(name);
    assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(table.itemCount()).isEqualTo(1);
    assertThat(table.tableArn()).endsWith(":table/" + name);
    assertThat(table.creationDateTime()).isBetween(Instant.now().minusSeconds(60), Instant.now());
    assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(table.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
        .containsExactly("pk:" + KeyType.HASH, "sk:" + KeyType.RANGE);
    assertThat(table.attributeDefinitions()).hasSize(4);
    assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(gsi -> {
      assertThat(gsi.indexName()).isEqualTo("byEmail");
      assertThat(gsi.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
      assertThat(gsi.itemCount()).isEqualTo(1);
      assertThat(gsi.indexStatusAsString()).isEqualTo("ACTIVE");
    });
    assertThat(table.localSecondaryIndexes()).singleElement().satisfies(lsi -> {
      assertThat(lsi.indexName()).isEqualTo("byCreated");
      assertThat(lsi.projection().nonKeyAttributes()).containsExactly("title");
      assertThat(lsi.itemCount()).isZero();
    });

    assertThat(client.deleteTable(b -> b.tableName(name)).tableDescription().tableStatus())
        .isEqualTo(TableStatus.DELETING);
    client.waiter().waitUntilTableNotExists(b -> b.tableName(name));
    assertThatThrownBy(() -> client.describeTable(b -> b.tableName(name)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> client.getItem(GetItemRequest.builder().tableName(name)
        .key(item("pk", s("a"), "sk", n(1))).build()))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void creatingAnExistingTableIsResourceInUse() {
    String name = createTable("dup", null);
    assertThatThrownBy(() -> client.createTable(tableRequest(name, null, List.of()).build()))
        .isInstanceOf(ResourceInUseException.class)
        .hasMessageContaining("Table already exists");
  }

  @Test
  void deletingAMissingTableIsResourceNotFound() {
    assertThatThrownBy(() -> client.deleteTable(b -> b.tableName("no-such-table")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void invalidCreateTableRequestsAreValidationErrors() {
    String name = uniqueName("invalid");
    // key attribute not defined
    assertThatThrownBy(() -> client.createTable(tableRequest(name, null, List.of())
        .attributeDefinitions(attribute("other", ScalarAttributeType.S)).build()))
        .isInstanceOf(DynamoDbException.class)
        .satisfies(e -> assertThat(((DynamoDbException) e).statusCode()).isEqualTo(400))
        .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    // unused attribute definition
    assertThatThrownBy(() -> client.createTable(tableRequest(name, null, List.of())
        .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("x", ScalarAttributeType.S)).build()))
        .hasMessageContaining("Some AttributeDefinitions are not used");
    // provisioned billing without throughput
    assertThatThrownBy(() -> client.createTable(tableRequest(name, null, List.of())
        .billingMode(BillingMode.PROVISIONED).build()))
        .hasMessageContaining("ReadCapacityUnits");
    // bad name
    assertThatThrownBy(() -> client.createTable(tableRequest("a!", null, List.of()).build()))
        .isInstanceOf(DynamoDbException.class).hasMessageContaining("tableName");
    assertThat(client.listTables().tableNames()).doesNotContain(name);
  }

  @Test
  void provisionedTablesReportTheirThroughput() {
    String name = uniqueName("provisioned");
    client.createTable(tableRequest(name, null, List.of()).billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(7L).build())
        .build());
    var throughput = client.describeTable(b -> b.tableName(name)).table().provisionedThroughput();
    assertThat(throughput.readCapacityUnits()).isEqualTo(5L);
    assertThat(throughput.writeCapacityUnits()).isEqualTo(7L);
  }

  @Test
  void listTablesPaginates() {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(createTable("list", null));
    }
    List<String> all = new ArrayList<>();
    String start = null;
    int pages = 0;
    do {
      String from = start;
      ListTablesResponse page = client.listTables(b -> b.limit(2).exclusiveStartTableName(from));
      assertThat(page.tableNames()).hasSizeLessThanOrEqualTo(2);
      all.addAll(page.tableNames());
      start = page.lastEvaluatedTableName();
      pages++;
    } while (start != null);
    assertThat(all).containsAll(created).isSorted().doesNotHaveDuplicates();
    assertThat(pages).isGreaterThanOrEqualTo(3);
    assertThat(client.listTablesPaginator().tableNames()).containsAll(created);
  }

  @Test
  void timeToLiveIsStoredButItemsAreNotExpired() {
    String name = createTable("ttl", null);
    assertThat(client.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription().timeToLiveStatus())
        .isEqualTo(TimeToLiveStatus.DISABLED);
    client.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(t -> t.enabled(true).attributeName("expiresAt")));
    var description = client.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
    assertThat(description.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    assertThat(description.attributeName()).isEqualTo("expiresAt");
    assertThatThrownBy(() -> client.updateTimeToLive(b -> b.tableName(name)
        .timeToLiveSpecification(t -> t.enabled(true).attributeName("expiresAt"))))
        .hasMessageContaining("TimeToLive is already enabled");

    client.putItem(b -> b.tableName(name).item(item("pk", s("old"), "expiresAt", n(1))));
    assertThat(client.getItem(b -> b.tableName(name).key(item("pk", s("old")))).item()).isNotEmpty();
  }
}
