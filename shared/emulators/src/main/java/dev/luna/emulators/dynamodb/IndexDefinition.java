package dev.luna.emulators.dynamodb;

import java.util.List;

/** A global or local secondary index. */
record IndexDefinition(
    String name,
    boolean global,
    KeySchema keySchema,
    String projectionType,
    List<String> nonKeyAttributes,
    long readCapacity,
    long writeCapacity) {

  static final String ALL = "ALL";
  static final String KEYS_ONLY = "KEYS_ONLY";
  static final String INCLUDE = "INCLUDE";

  boolean projectsAll() {
    return ALL.equals(projectionType);
  }
}
