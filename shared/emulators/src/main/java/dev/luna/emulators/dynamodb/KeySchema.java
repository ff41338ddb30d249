package dev.luna.emulators.dynamodb;

import java.util.List;

/** The key of a table or index: a hash attribute and an optional range attribute, with their types. */
record KeySchema(String hashName, String hashType, String rangeName, String rangeType) {

  boolean hasRange() {
    return rangeName != null;
  }

  List<String> attributeNames() {
    return hasRange() ? List.of(hashName, rangeName) : List.of(hashName);
  }

  boolean isKeyAttribute(String name) {
    return name.equals(hashName) || name.equals(rangeName);
  }

  String typeOf(String name) {
    return name.equals(hashName) ? hashType : name.equals(rangeName) ? rangeType : null;
  }
}
