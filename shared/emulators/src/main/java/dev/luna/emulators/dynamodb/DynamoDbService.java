package dev.luna.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Routes a DynamoDB operation name to its implementation. */
final class DynamoDbService {
  private final TableOperations tables;
  private final ItemOperations items;
  private final QueryScanOperations queries;
  private final BatchOperations batches;
  private final TransactionOperations transactions;

  DynamoDbService(TableCatalog catalog) {
    this.tables = new TableOperations(catalog);
    this.items = new ItemOperations(catalog);
    this.queries = new QueryScanOperations(catalog);
    this.batches = new BatchOperations(catalog);
    this.transactions = new TransactionOperations(catalog);
  }

  ObjectNode execute(String operation, JsonNode request) {
    return switch (operation) {
      case "CreateTable" -> tables.createTable(request);
      case "DescribeTable" -> tables.describeTable(request);
      case "ListTables" -> tables.listTables(request);
      case "DeleteTable" -> tables.deleteTable(request);
      case "UpdateTimeToLive" -> tables.updateTimeToLive(request);
      case "DescribeTimeToLive" -> tables.describeTimeToLive(request);
      case "PutItem" -> items.putItem(request);
      case "GetItem" -> items.getItem(request);
      case "UpdateItem" -> items.updateItem(request);
      case "DeleteItem" -> items.deleteItem(request);
      case "Query" -> queries.query(request);
      case "Scan" -> queries.scan(request);
      case "BatchGetItem" -> batches.batchGetItem(request);
      case "BatchWriteItem" -> batches.batchWriteItem(request);
      case "TransactWriteItems" -> transactions.transactWriteItems(request);
      case "TransactGetItems" -> transactions.transactGetItems(request);
      default -> throw DynamoDbError.unknownOperation(operation);
    };
  }
}
