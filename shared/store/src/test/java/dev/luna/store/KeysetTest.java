package dev.luna.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.emulators.dynamodb.DynamoDbServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Keyset pages over a real DynamoDB wire server (our emulator): both directions, filters, changes between requests. */
class KeysetTest {
    private static final Set<String> INDEX_KEY = Set.of("pk", "sk", "gsi1pk", "gsi1sk");
    private static DynamoDbServer server;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        server = DynamoDbServer.builder().start();
        dynamo = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        dynamo.createTable(b -> b.tableName("items").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("gsi1pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("gsi1sk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName("gsi1").projection(p -> p.projectionType(ProjectionType.ALL))
                        .keySchema(k -> k.attributeName("gsi1pk").keyType(KeyType.HASH), k -> k.attributeName("gsi1sk").keyType(KeyType.RANGE))));
        for (int i = 1; i <= 23; i++) put("p1", i);
        for (int i = 1; i <= 5; i++) put("p2", i);
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        server.close();
    }

    private static void put(String partition, int n) {
        String name = "item-%02d".formatted(n);
        dynamo.putItem(b -> b.tableName("items").item(Map.of("pk", Attr.s(name + "@" + partition), "sk", Attr.s("HEAD"),
                "gsi1pk", Attr.s(partition), "gsi1sk", Attr.s(name), "n", Attr.n(n))));
    }

    private static QueryRequest query(String partition, boolean newestFirst) {
        return QueryRequest.builder().tableName("items").indexName("gsi1").keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", Attr.s(partition))).scanIndexForward(!newestFirst).build();
    }

    private static Keyset.Page<Integer> page(QueryRequest query, String cursor, int limit, Function<Integer, Boolean> keep) {
        return Keyset.page(dynamo, query, new Keyset.Keys(INDEX_KEY, "gsi1pk", query.expressionAttributeValues().get(":p").s()),
                cursor, limit, row -> {
                    int n = Integer.parseInt(row.get("n").n());
                    return keep.apply(n) ? n : null;
                });
    }

    @Test
    void walksForwardToTheEndAndBackToTheStartOverTheSamePages() {
        var query = query("p1", true);
        var forward = new ArrayList<List<Integer>>();
        var first = page(query, null, 5, n -> true);
        assertThat(first.prev()).as("the first page has no prev").isNull();
        var current = first;
        forward.add(current.items());
        while (current.next() != null) {
            current = page(query, current.next(), 5, n -> true);
            forward.add(current.items());
        }
        assertThat(forward).containsExactly(List.of(23, 22, 21, 20, 19), List.of(18, 17, 16, 15, 14), List.of(13, 12, 11, 10, 9),
                List.of(8, 7, 6, 5, 4), List.of(3, 2, 1));
        assertThat(current.prev()).isNotNull();

        var backward = new ArrayList<List<Integer>>();
        backward.add(current.items());
        while (current.prev() != null) {
            current = page(query, current.prev(), 5, n -> true);
            backward.add(0, current.items());
        }
        assertThat(backward).as("prev from the last page leads through full pages to the first one")
                .containsExactly(List.of(23, 22, 21, 20, 19), List.of(18, 17, 16, 15, 14), List.of(13, 12, 11, 10, 9),
                        List.of(8, 7, 6, 5, 4), List.of(3, 2, 1));
        var next = page(query, page(query, first.next(), 5, n -> true).prev(), 5, n -> true).next();
        assertThat(page(query, next, 5, n -> true).items()).as("next from a page reached by prev").containsExactly(18, 17, 16, 15, 14);
    }

    @Test
    void filteredListsSkipItemsInBothDirections() {
        var query = query("p1", false);
        var evens = page(query, null, 4, n -> n % 2 == 0);
        assertThat(evens.items()).containsExactly(2, 4, 6, 8);
        var second = page(query, evens.next(), 4, n -> n % 2 == 0);
        assertThat(second.items()).containsExactly(10, 12, 14, 16);
        var back = page(query, second.prev(), 4, n -> n % 2 == 0);
        assertThat(back.items()).containsExactly(2, 4, 6, 8);
        assertThat(back.prev()).isNull();
        assertThat(page(query, back.next(), 4, n -> n % 2 == 0).items()).containsExactly(10, 12, 14, 16);
    }

    @Test
    void prevStillWorksWhenItemsAreAddedBeforeThePage() {
        var query = query("p2", false);
        var first = page(query, null, 2, n -> true);
        var second = page(query, first.next(), 2, n -> true);
        assertThat(second.items()).containsExactly(3, 4);
        put("p2", 0);
        var back = page(query, second.prev(), 2, n -> true);
        assertThat(back.items()).containsExactly(1, 2);
        var before = page(query, back.prev(), 2, n -> true);
        assertThat(before.items()).as("a short page at the start of the list is read as the first page")
                .containsExactly(0, 1);
        assertThat(before.prev()).isNull();
    }

    @Test
    void cursorsOfAnotherPartitionOrDirectionAreRefusedAsInvalid() {
        var other = page(query("p2", false), null, 2, n -> true);
        assertThatThrownBy(() -> page(query("p1", false), other.next(), 2, n -> true))
                .isInstanceOfSatisfying(LunaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CURSOR));
        var prev = page(query("p2", false), other.next(), 2, n -> true).prev();
        assertThat(prev).isNotNull();
        assertThatThrownBy(() -> Cursor.decode(prev, INDEX_KEY, "gsi1pk", "p2")).as("a prev cursor is not a next cursor of a one-way list")
                .isInstanceOfSatisfying(LunaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CURSOR));
    }
}
