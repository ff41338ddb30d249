package dev.luna.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Query and Scan, on tables and secondary indexes. */
final class QueryScanOperations {
  private static final String ALL_ATTRIBUTES = "ALL_ATTRIBUTES";
  private static final String ALL_PROJECTED = "ALL_PROJECTED_ATTRIBUTES";
  private static final String SPECIFIC = "SPECIFIC_ATTRIBUTES";
  private static final String COUNT = "COUNT";

  private final TableCatalog catalog;

  QueryScanOperations(TableCatalog catalog) {
    this.catalog = catalog;
  }

  /** The parts common to Query and Scan. */
  private record Common(TableStore table, IndexDefinition index, ExpressionContext context,
      Condition filter, List<DocumentPath> projection, Integer limit) {}

  private Common common(JsonNode request, String... legacy) {
    RequestFields.rejectLegacy(request, legacy);
    TableStore table = catalog.require(RequestFields.requiredString(request, "TableName"));
    String indexName = RequestFields.optionalString(request, "IndexName");
    IndexDefinition index = indexName == null ? null : table.definition().index(indexName);
    if (index != null && index.global() && RequestFields.optionalBoolean(request, "ConsistentRead", false)) {
      throw DynamoDbError.validation("Consistent reads are not supported on global secondary indexes");
    }
    ExpressionContext context = new ExpressionContext(request);
    String filterText = RequestFields.optionalString(request, "FilterExpression");
    Condition filter = filterText == null ? null
        : ExpressionParser.parseCondition(filterText, "FilterExpression", context);
    List<DocumentPath> projection = ItemOperations.projection(request, context);
    Integer limit = RequestFields.optionalInt(request, "Limit", 1, Integer.MAX_VALUE);
    return new Common(table, index, context, filter, projection, limit);
  }

  ObjectNode query(JsonNode request) {
    Common c = common(request, "KeyConditions", "QueryFilter", "AttributesToGet", "ConditionalOperator");
    String keyText = RequestFields.optionalString(request, "KeyConditionExpression");
    if (keyText == null) {
      throw DynamoDbError.validation(
          "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
    }
    KeySchema schema = c.index() == null ? c.table().definition().keySchema() : c.index().keySchema();
    KeyCondition keyCondition = KeyCondition.from(
        ExpressionParser.parseCondition(keyText, "KeyConditionExpression", c.context()), schema);
    c.context().verifyAllUsed();
    String select = select(request, c);
    boolean forward = RequestFields.optionalBoolean(request, "ScanIndexForward", true);
    NavigableMap<CompositeKey, Map<String, AttrValue>> slice = keyCondition.slice(c.table().view(c.index()));
    CompositeKey start = startKey(request, c);
    if (start != null) {
      try {
        slice = forward ? slice.tailMap(start, false) : slice.headMap(start, false);
      } catch (IllegalArgumentException e) {
        throw DynamoDbError.validation(
            "The provided starting key is outside query boundaries based on provided conditions");
      }
    }
    if (!forward) {
      slice = slice.descendingMap();
    }
    return respond(c, select, slice, e -> keyCondition.accepts(e.getKey()));
  }

  ObjectNode scan(JsonNode request) {
    Common c = common(request, "ScanFilter", "AttributesToGet", "ConditionalOperator");
    c.context().verifyAllUsed();
    String select = select(request, c);
    Integer segment = RequestFields.optionalInt(request, "Segment", 0, 999_999);
    Integer totalSegments = RequestFields.optionalInt(request, "TotalSegments", 1, 1_000_000);
    if ((segment == null) != (totalSegments == null) || (segment != null && segment >= totalSegments)) {
      throw DynamoDbError.validation("The Segment parameter is required but was not present in the request "
          + "when parameter TotalSegments is present, and Segment must be less than TotalSegments");
    }
    NavigableMap<CompositeKey, Map<String, AttrValue>> view = c.table().view(c.index());
    CompositeKey start = startKey(request, c);
    if (start != null) {
      view = view.tailMap(start, false);
    }
    String hashName = c.table().definition().keySchema().hashName();
    Predicate<Map.Entry<CompositeKey, Map<String, AttrValue>>> include = segment == null ? e -> true
        : e -> segmentOf(e.getValue().get(hashName), totalSegments) == segment;
    return respond(c, select, view, include);
  }

  private static int segmentOf(AttrValue hashValue, int totalSegments) {
    int h = hashValue.hashCode() * 0x9E3779B9;
    return Math.floorMod(h ^ (h >>> 16), totalSegments);
  }

  private static String select(JsonNode request, Common c) {
    String select = RequestFields.enumValue(request, "Select", null, ALL_ATTRIBUTES, ALL_PROJECTED, SPECIFIC, COUNT);
    if (select == null) {
      select = c.projection() != null ? SPECIFIC : c.index() != null ? ALL_PROJECTED : ALL_ATTRIBUTES;
    }
    if (c.projection() != null && !select.equals(SPECIFIC)) {
      throw DynamoDbError.validation("Cannot specify the ProjectionExpression when choosing to get " + select);
    }
    if (select.equals(SPECIFIC) && c.projection() == null) {
      throw DynamoDbError.validation("Select SPECIFIC_ATTRIBUTES requires a ProjectionExpression");
    }
    if (select.equals(ALL_PROJECTED) && c.index() == null) {
      throw DynamoDbError.validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
    }
    if (select.equals(ALL_ATTRIBUTES) && c.index() != null && c.index().global() && !c.index().projectsAll()) {
      throw DynamoDbError.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES "
          + "is not supported for global secondary index " + c.index().name()
          + " because its projection type is not ALL");
    }
    return select;
  }

  private static CompositeKey startKey(JsonNode request, Common c) {
    if (!RequestFields.has(request, "ExclusiveStartKey")) {
      return null;
    }
    Map<String, AttrValue> start = AttrValueJson.item(request.path("ExclusiveStartKey"));
    TableDefinition definition = c.table().definition();
    if (c.index() == null) {
      return ItemKeys.fromKey(definition, start);
    }
    CompositeKey key = ItemKeys.indexKey(c.index(), definition.keySchema(), start);
    if (key == null || start.size() != lastKeyAttributes(c).size()) {
      throw DynamoDbError.validation("The provided starting key is invalid: it must hold exactly the table "
          + "and index key attributes " + lastKeyAttributes(c));
    }
    return key;
  }

  private static List<String> lastKeyAttributes(Common c) {
    List<String> names = new ArrayList<>(c.table().definition().keySchema().attributeNames());
    if (c.index() != null) {
      c.index().keySchema().attributeNames().stream().filter(n -> !names.contains(n)).forEach(names::add);
    }
    return names;
  }

  /** How an item looks when read through the requested index and Select (before ProjectionExpression). */
  private static UnaryOperator<Map<String, AttrValue>> visible(Common c, String select) {
    IndexDefinition index = c.index();
    if (index == null || index.projectsAll()
        || (!index.global() && (select.equals(ALL_ATTRIBUTES) || select.equals(SPECIFIC)))) {
      return UnaryOperator.identity();
    }
    List<String> projected = lastKeyAttributes(c);
    projected.addAll(index.nonKeyAttributes());
    return item -> ItemKeys.attributes(item, projected);
  }

  private static ObjectNode respond(Common c, String select,
      NavigableMap<CompositeKey, Map<String, AttrValue>> entries,
      Predicate<Map.Entry<CompositeKey, Map<String, AttrValue>>> include) {
    ItemPager.Page page = ItemPager.read(new ItemPager.Request(entries.entrySet(), include,
        visible(c, select), c.filter(), c.limit(), lastKeyAttributes(c)));
    ObjectNode response = Json.object();
    if (!select.equals(COUNT)) {
      ArrayNode items = response.putArray("Items");
      page.items().forEach(item -> items.add(AttrValueJson.itemToJson(Projector.project(item, c.projection()))));
    }
    response.put("Count", page.items().size());
    response.put("ScannedCount", page.scannedCount());
    if (page.lastEvaluatedKey() != null) {
      response.set("LastEvaluatedKey", AttrValueJson.itemToJson(page.lastEvaluatedKey()));
    }
    return response;
  }
}
