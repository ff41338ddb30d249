package dev.luna.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Converts between DynamoDB's JSON wire form ({"S":"x"}, ...) and {@link AttrValue}, validating input. */
final class AttrValueJson {
  private AttrValueJson() {}

  static Map<String, AttrValue> item(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw DynamoDbError.validation("Expected a map of attribute names to attribute values");
    }
    Map<String, AttrValue> item = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      item.put(field.getKey(), value(field.getValue()));
    }
    return Collections.unmodifiableMap(item);
  }

  static AttrValue value(JsonNode node) {
    if (node == null || !node.isObject() || node.size() != 1) {
      throw DynamoDbError.validation(
          "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }
    Map.Entry<String, JsonNode> entry = node.properties().iterator().next();
    JsonNode v = entry.getValue();
    return switch (entry.getKey()) {
      case "S" -> new AttrValue.S(text(v, "S"));
      case "N" -> new AttrValue.N(Numbers.parse(text(v, "N")));
      case "B" -> new AttrValue.B(bytes(text(v, "B")));
      case "BOOL" -> new AttrValue.Bool(requireType(v, v.isBoolean(), "BOOL").asBoolean());
      case "NULL" -> nullValue(v);
      case "M" -> new AttrValue.M(item(v));
      case "L" -> new AttrValue.L(list(v));
      case "SS" -> new AttrValue.SS(set(v, "string", n -> text(n, "SS")));
      case "NS" -> new AttrValue.NS(set(v, "number", n -> Numbers.parse(text(n, "NS"))));
      case "BS" -> new AttrValue.BS(set(v, "binary", n -> bytes(text(n, "BS"))));
      default -> throw DynamoDbError.validation(
          "Supplied AttributeValue has an unsupported datatype: " + entry.getKey());
    };
  }

  private static AttrValue nullValue(JsonNode v) {
    if (!v.isBoolean() || !v.asBoolean()) {
      throw DynamoDbError.validation(
          "One or more parameter values were invalid: Null attribute value types must have the value of true");
    }
    return new AttrValue.Null();
  }

  private static List<AttrValue> list(JsonNode v) {
    requireType(v, v.isArray(), "L");
    List<AttrValue> values = new ArrayList<>(v.size());
    v.forEach(element -> values.add(value(element)));
    return Collections.unmodifiableList(values);
  }

  private static <T> Set<T> set(JsonNode v, String kind, Function<JsonNode, T> parse) {
    requireType(v, v.isArray(), kind + " set");
    if (v.isEmpty()) {
      throw DynamoDbError.validation(
          "One or more parameter values were invalid: An " + kind + " set  may not be empty");
    }
    Set<T> values = new LinkedHashSet<>();
    for (JsonNode element : v) {
      if (!values.add(parse.apply(element))) {
        throw DynamoDbError.validation(
            "One or more parameter values were invalid: Input collection " + v + " contains duplicates.");
      }
    }
    return Collections.unmodifiableSet(values);
  }

  private static String text(JsonNode v, String type) {
    return requireType(v, v.isTextual(), type).asText();
  }

  private static AttrValue.Bytes bytes(String base64) {
    try {
      return AttrValue.Bytes.fromBase64(base64);
    } catch (IllegalArgumentException e) {
      throw DynamoDbError.validation("Invalid base64 binary value: " + e.getMessage());
    }
  }

  private static JsonNode requireType(JsonNode v, boolean ok, String type) {
    if (!ok) {
      throw DynamoDbError.serialization("Unexpected JSON value for attribute type " + type + ": " + v);
    }
    return v;
  }

  static ObjectNode itemToJson(Map<String, AttrValue> item) {
    ObjectNode node = Json.object();
    item.forEach((name, value) -> node.set(name, toJson(value)));
    return node;
  }

  static ObjectNode toJson(AttrValue value) {
    ObjectNode node = Json.object();
    switch (value) {
      case AttrValue.S s -> node.put("S", s.value());
      case AttrValue.N n -> node.put("N", Numbers.format(n.value()));
      case AttrValue.B b -> node.put("B", b.value().base64());
      case AttrValue.Bool b -> node.put("BOOL", b.value());
      case AttrValue.Null ignored -> node.put("NULL", true);
      case AttrValue.M m -> node.set("M", itemToJson(m.value()));
      case AttrValue.L l -> {
        ArrayNode array = node.putArray("L");
        l.value().forEach(element -> array.add(toJson(element)));
      }
      case AttrValue.SS ss -> ss.value().forEach(node.putArray("SS")::add);
      case AttrValue.NS ns -> {
        ArrayNode array = node.putArray("NS");
        for (BigDecimal n : ns.value()) {
          array.add(Numbers.format(n));
        }
      }
      case AttrValue.BS bs -> {
        ArrayNode array = node.putArray("BS");
        bs.value().forEach(b -> array.add(b.base64()));
      }
    }
    return node;
  }

  /** Renders a value for error messages, e.g. {@code {S: abc}}. */
  static String describe(AttrValue value) {
    return toJson(value).toString();
  }
}
