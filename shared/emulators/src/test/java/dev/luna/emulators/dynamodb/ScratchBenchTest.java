package dev.luna.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ScratchBenchTest {
  @Test
  void bench() throws Exception {
    try (DynamoDbServer server = DynamoDbServer.builder().start()) {
      TableCatalog catalog = new TableCatalog(null);
      DynamoDbService service = new DynamoDbService(catalog);
      service.execute("CreateTable", Json.MAPPER.readTree("""
          {"TableName":"big","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"},{"AttributeName":"group","AttributeType":"S"},{"AttributeName":"rank","AttributeType":"N"}],
          "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
          "GlobalSecondaryIndexes":[{"IndexName":"byGroup","KeySchema":[{"AttributeName":"group","KeyType":"HASH"},{"AttributeName":"rank","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}}]}"""));
      for (int i = 0; i < 3000; i++) {
        service.execute("PutItem", Json.MAPPER.readTree("{\"TableName\":\"big\",\"Item\":{\"pk\":{\"S\":\"item" + i + "\"},\"sk\":{\"N\":\"" + i + "\"},\"group\":{\"S\":\"g" + (i % 30) + "\"},\"rank\":{\"N\":\"" + i + "\"},\"body\":{\"S\":\"some payload " + i + "\"}}}"));
      }
      JsonNode q = Json.MAPPER.readTree("""
          {"TableName":"big","IndexName":"byGroup","KeyConditionExpression":"#g = :g AND #r > :r","ExpressionAttributeNames":{"#g":"group","#r":"rank"},"ExpressionAttributeValues":{":g":{"S":"g7"},":r":{"N":"1500"}}}""");
      for (int i = 0; i < 2000; i++) service.execute("Query", q);
      long t = System.nanoTime();
      for (int i = 0; i < 2000; i++) Json.bytes(service.execute("Query", q));
      System.out.println("service query us: " + (System.nanoTime() - t) / 1000.0 / 2000);
      JsonNode g = Json.MAPPER.readTree("{\"TableName\":\"big\",\"Key\":{\"pk\":{\"S\":\"item5\"},\"sk\":{\"N\":\"5\"}}}");
      for (int i = 0; i < 2000; i++) service.execute("GetItem", g);
      t = System.nanoTime();
      for (int i = 0; i < 20000; i++) Json.bytes(service.execute("GetItem", g));
      System.out.println("service get us: " + (System.nanoTime() - t) / 1000.0 / 20000);

      // raw HTTP
      byte[] body = Json.bytes(q);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      DynamoDbService ignored = service;
      // create same table on server via http
      HttpRequest.Builder base = HttpRequest.newBuilder(server.endpoint()).header("Content-Type", "application/x-amz-json-1.0");
      http.send(base.copy().header("X-Amz-Target", "DynamoDB_20120810.CreateTable").POST(HttpRequest.BodyPublishers.ofString("""
          {"TableName":"big","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"},{"AttributeName":"group","AttributeType":"S"},{"AttributeName":"rank","AttributeType":"N"}],
          "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
          "GlobalSecondaryIndexes":[{"IndexName":"byGroup","KeySchema":[{"AttributeName":"group","KeyType":"HASH"},{"AttributeName":"rank","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}}]}""")).build(), HttpResponse.BodyHandlers.ofString());
      for (int i = 0; i < 3000; i++) {
        http.send(base.copy().header("X-Amz-Target", "DynamoDB_20120810.PutItem").POST(HttpRequest.BodyPublishers.ofString("{\"TableName\":\"big\",\"Item\":{\"pk\":{\"S\":\"item" + i + "\"},\"sk\":{\"N\":\"" + i + "\"},\"group\":{\"S\":\"g" + (i % 30) + "\"},\"rank\":{\"N\":\"" + i + "\"},\"body\":{\"S\":\"some payload " + i + "\"}}}")).build(), HttpResponse.BodyHandlers.discarding());
      }
      HttpRequest qr = base.copy().header("X-Amz-Target", "DynamoDB_20120810.Query").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
      for (int i = 0; i < 500; i++) http.send(qr, HttpResponse.BodyHandlers.ofByteArray());
      t = System.nanoTime();
      for (int i = 0; i < 1000; i++) http.send(qr, HttpResponse.BodyHandlers.ofByteArray());
      System.out.println("http query us: " + (System.nanoTime() - t) / 1000.0 / 1000);
      HttpRequest gr = base.copy().header("X-Amz-Target", "DynamoDB_20120810.GetItem").POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(g))).build();
      for (int i = 0; i < 500; i++) http.send(gr, HttpResponse.BodyHandlers.ofByteArray());
      t = System.nanoTime();
      for (int i = 0; i < 2000; i++) http.send(gr, HttpResponse.BodyHandlers.ofByteArray());
      System.out.println("http get us: " + (System.nanoTime() - t) / 1000.0 / 2000);
      var sdk = DynamoDbTestSupport.clientFor(server);
      var sq = software.amazon.awssdk.services.dynamodb.model.QueryRequest.builder().tableName("big").indexName("byGroup")
        .keyConditionExpression("#g = :g AND #r > :r").expressionAttributeNames(java.util.Map.of("#g", "group", "#r", "rank"))
        .expressionAttributeValues(java.util.Map.of(":g", DynamoDbTestSupport.s("g7"), ":r", DynamoDbTestSupport.n(1500))).build();
      for (int round = 0; round < 5; round++) {
        t = System.nanoTime();
        DynamoDbHttpHandler.NANOS.reset(); DynamoDbHttpHandler.COUNT.reset();
        for (int i = 0; i < 200; i++) sdk.query(sq);
        System.out.println("server handler us: " + DynamoDbHttpHandler.NANOS.sum() / 1000.0 / DynamoDbHttpHandler.COUNT.sum());
        System.out.println("sdk query us: " + (System.nanoTime() - t) / 1000.0 / 200);
      }
      var sg = software.amazon.awssdk.services.dynamodb.model.GetItemRequest.builder().tableName("big").key(java.util.Map.of("pk", DynamoDbTestSupport.s("item5"), "sk", DynamoDbTestSupport.n(5))).build();
      for (int round = 0; round < 5; round++) {
        t = System.nanoTime();
        DynamoDbHttpHandler.NANOS.reset(); DynamoDbHttpHandler.COUNT.reset();
        for (int i = 0; i < 500; i++) sdk.getItem(sg);
        System.out.println("server handler us: " + DynamoDbHttpHandler.NANOS.sum() / 1000.0 / DynamoDbHttpHandler.COUNT.sum());
        System.out.println("sdk get us: " + (System.nanoTime() - t) / 1000.0 / 500);
      }
    }
  }
}
