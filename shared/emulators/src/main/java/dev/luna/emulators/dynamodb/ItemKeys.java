package dev.luna.emulators.dynamodb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Extracts and validates primary and index keys of items. */
final class ItemKeys {
  private static final String INVALID = "One or more parameter values were invalid: ";
  private static final int MAX_HASH_KEY_BYTES = 2048;
  private static final int MAX_RANGE_KEY_BYTES = 1024;

  private ItemKeys() {}

  /** Validates an item about to be stored and returns its primary key. */
  static CompositeKey validateItem(TableDefinition def, Map<String, AttrValue> item) {
    KeySchema key = def.keySchema();
    for (String name : key.attributeNames()) {
      AttrValue value = item.get(name);
      if (value == null) {
        throw DynamoDbError.validation(INVALID + "Missing the key " + name + " in the item");
      }
      checkKeyValue(name, key.typeOf(name), value, name.equals(key.hashName()));
    }
    for (IndexDefinition index : def.indexes()) {
      for (String name : index.keySchema().attributeNames()) {
        AttrValue value = item.get(name);
        if (value == null) {
          continue;
        }
        String expected = index.keySchema().typeOf(name);
        if (!value.type().equals(expected)) {
          throw DynamoDbError.validation(INVALID + "Type mismatch for Index Key " + name + " Expected: "
              + expected + " Actual: " + value.type() + " IndexName: " + index.name());
        }
        if (AttrValues.isEmptyKeyValue(value)) {
          throw DynamoDbError.validation("One or more parameter values are not valid. A value specified "
              + "for a secondary index key is not supported. The AttributeValue for a key attribute "
              + "cannot contain an empty string value. IndexName: " + index.name() + ", IndexKey: " + name);
        }
      }
    }
    if (AttrValues.itemSize(item) > AttrValues.MAX_ITEM_SIZE) {
      throw DynamoDbError.validation("Item size has exceeded the maximum allowed size");
    }
    return primaryKey(key, item);
  }

  /** Validates a Key request parameter: exactly the table's key attributes with matching types. */
  static CompositeKey fromKey(TableDefinition def, Map<String, AttrValue> key) {
    KeySchema schema = def.keySchema();
    if (key.size() != schema.attributeNames().size()) {
      throw DynamoDbError.validation("The provided key element does not match the schema");
    }
    for (String name : schema.attributeNames()) {
      AttrValue value = key.get(name);
      if (value == null || !value.type().equals(schema.typeOf(name))) {
        throw DynamoDbError.validation("The provided key element does not match the schema");
      }
      checkKeyValue(name, schema.typeOf(name), value, name.equals(schema.hashName()));
    }
    return primaryKey(schema, key);
  }

  private static void checkKeyValue(String name, String type, AttrValue value, boolean hash) {
    if (!value.type().equals(type)) {
      throw DynamoDbError.validation(INVALID + "Type mismatch for key " + name + " expected: " + type
          + " actual: " + value.type());
    }
    if (AttrValues.isEmptyKeyValue(value)) {
      throw DynamoDbError.validation("One or more parameter values are not valid. The AttributeValue "
          + "for a key attribute cannot contain an empty " + (type.equals("S") ? "string" : "binary")
          + " value. Key: " + name);
    }
    int size = AttrValues.size(value);
    if (hash && size > MAX_HASH_KEY_BYTES) {
      throw DynamoDbError.validation(INVALID
          + "Size of hashkey has exceeded the maximum size limit of 2048 bytes");
    }
    if (!hash && size > MAX_RANGE_KEY_BYTES) {
      throw DynamoDbError.validation(INVALID
          + "Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
    }
  }

  /** The primary key of an item known to contain its key attributes. */
  static CompositeKey primaryKey(KeySchema key, Map<String, AttrValue> item) {
    return key.hasRange()
        ? CompositeKey.of(item.get(key.hashName()), item.get(key.rangeName()))
        : CompositeKey.of(item.get(key.hashName()));
  }

  /**
   * The position of an item in an index: index hash, index range (if any), then the table key; or
   * null when the item lacks an index key attribute (sparse index).
   */
  static CompositeKey indexKey(IndexDefinition index, KeySchema table, Map<String, AttrValue> item) {
    KeySchema key = index.keySchema();
    AttrValue hash = item.get(key.hashName());
    AttrValue range = key.hasRange() ? item.get(key.rangeName()) : null;
    AttrValue tableHash = item.get(table.hashName());
    AttrValue tableRange = table.hasRange() ? item.get(table.rangeName()) : null;
    if (!typed(hash, key.hashType()) || (key.hasRange() && !typed(range, key.rangeType()))
        || !typed(tableHash, table.hashType()) || (table.hasRange() && !typed(tableRange, table.rangeType()))) {
      return null;
    }
    AttrValue[] parts = new AttrValue[2 + (key.hasRange() ? 1 : 0) + (table.hasRange() ? 1 : 0)];
    int i = 0;
    parts[i++] = hash;
    if (key.hasRange()) {
      parts[i++] = range;
    }
    parts[i++] = tableHash;
    if (table.hasRange()) {
      parts[i] = tableRange;
    }
    return CompositeKey.of(parts);
  }

  private static boolean typed(AttrValue value, String type) {
    return value != null && value.type().equals(type);
  }

  /** The named attributes of an item, in the given order (absent ones skipped). */
  static Map<String, AttrValue> attributes(Map<String, AttrValue> item, List<String> names) {
    Map<String, AttrValue> result = new LinkedHashMap<>();
    for (String name : names) {
      AttrValue value = item.get(name);
      if (value != null) {
        result.put(name, value);
      }
    }
    return result;
  }
}
