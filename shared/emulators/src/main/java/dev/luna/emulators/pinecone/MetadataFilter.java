package dev.luna.emulators.pinecone;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Pinecone's metadata filter language over a vector's metadata {@link Struct}.
 *
 * <p>A filter is an object whose entries all must hold: {@code "field": value} ({@code $eq} shorthand),
 * {@code "field": {"$op": operand, ...}}, {@code "$and": [filters]} and {@code "$or": [filters]}. Operators:
 * {@code $eq}, {@code $ne} (string, number, boolean), {@code $gt}, {@code $gte}, {@code $lt}, {@code $lte} (numbers),
 * {@code $in}, {@code $nin} (arrays of strings or numbers), {@code $exists} (boolean). A field holding a list of strings
 * matches {@code $eq}/{@code $in} when any element matches, and {@code $ne}/{@code $nin} when none does. A field that is
 * absent fails every operator except {@code $ne}, {@code $nin} and {@code $exists: false}. An empty filter matches
 * everything. Anything else is rejected with {@link InvalidFilter}.
 */
public final class MetadataFilter {
  /** A filter that is not valid Pinecone filter syntax (answered as INVALID_ARGUMENT / 400). */
  public static final class InvalidFilter extends RuntimeException {
    InvalidFilter(String message) {
      super(message);
    }
  }

  public static final MetadataFilter ALL = new MetadataFilter(m -> true);
  private static final int MAX_IN_VALUES = 10_000;
  private final Predicate<Struct> predicate;

  private MetadataFilter(Predicate<Struct> predicate) {
    this.predicate = predicate;
  }

  public boolean matches(Struct metadata) {
    return predicate.test(metadata == null ? Struct.getDefaultInstance() : metadata);
  }

  /** Parses a filter; null or empty matches everything. */
  public static MetadataFilter parse(Struct filter) {
    if (filter == null || filter.getFieldsCount() == 0) return ALL;
    return new MetadataFilter(object(filter));
  }

  private static Predicate<Struct> object(Struct filter) {
    var parts = new ArrayList<Predicate<Struct>>();
    for (Map.Entry<String, Value> e : filter.getFieldsMap().entrySet()) {
      String key = e.getKey();
      Value v = e.getValue();
      switch (key) {
        case "$and" -> {
          var subs = subFilters(key, v);
          parts.add(m -> subs.stream().allMatch(p -> p.test(m)));
        }
        case "$or" -> {
          var subs = subFilters(key, v);
          parts.add(m -> subs.stream().anyMatch(p -> p.test(m)));
        }
        default -> {
          if (key.startsWith("$")) throw new InvalidFilter("unknown top-level operator " + key);
          if (key.isEmpty()) throw new InvalidFilter("field names must not be empty");
          parts.add(field(key, v));
        }
      }
    }
    return m -> {
      for (var p : parts) if (!p.test(m)) return false;
      return true;
    };
  }

  private static List<Predicate<Struct>> subFilters(String op, Value v) {
    if (v.getKindCase() != Value.KindCase.LIST_VALUE || v.getListValue().getValuesCount() == 0) {
      throw new InvalidFilter(op + " needs a non-empty array of filters");
    }
    var out = new ArrayList<Predicate<Struct>>();
    for (Value f : v.getListValue().getValuesList()) {
      if (f.getKindCase() != Value.KindCase.STRUCT_VALUE) throw new InvalidFilter(op + " elements must be objects");
      out.add(object(f.getStructValue()));
    }
    return out;
  }

  private static Predicate<Struct> field(String name, Value condition) {
    if (condition.getKindCase() != Value.KindCase.STRUCT_VALUE) return operator(name, "$eq", condition);
    Struct ops = condition.getStructValue();
    if (ops.getFieldsCount() == 0) throw new InvalidFilter("the condition on " + name + " is empty");
    var parts = new ArrayList<Predicate<Struct>>();
    for (var e : ops.getFieldsMap().entrySet()) parts.add(operator(name, e.getKey(), e.getValue()));
    return m -> {
      for (var p : parts) if (!p.test(m)) return false;
      return true;
    };
  }

  private static Predicate<Struct> operator(String name, String op, Value operand) {
    switch (op) {
      case "$eq", "$ne" -> {
        requireScalar(name, op, operand);
        boolean eq = op.equals("$eq");
        return m -> {
          Value actual = m.getFieldsMap().get(name);
          if (actual == null) return !eq;
          return anyEquals(actual, List.of(operand)) == eq;
        };
      }
      case "$gt", "$gte", "$lt", "$lte" -> {
        if (operand.getKindCase() != Value.KindCase.NUMBER_VALUE) throw new InvalidFilter(op + " on " + name + " needs a number");
        double bound = operand.getNumberValue();
        return m -> {
          Value actual = m.getFieldsMap().get(name);
          if (actual == null || actual.getKindCase() != Value.KindCase.NUMBER_VALUE) return false;
          double x = actual.getNumberValue();
          return switch (op) {
            case "$gt" -> x > bound;
            case "$gte" -> x >= bound;
            case "$lt" -> x < bound;
            default -> x <= bound;
          };
        };
      }
      case "$in", "$nin" -> {
        if (operand.getKindCase() != Value.KindCase.LIST_VALUE) throw new InvalidFilter(op + " on " + name + " needs an array");
        ListValue list = operand.getListValue();
        if (list.getValuesCount() > MAX_IN_VALUES) throw new InvalidFilter(op + " takes at most " + MAX_IN_VALUES + " values");
        for (Value v : list.getValuesList()) {
          if (v.getKindCase() != Value.KindCase.STRING_VALUE && v.getKindCase() != Value.KindCase.NUMBER_VALUE
              && v.getKindCase() != Value.KindCase.BOOL_VALUE) {
            throw new InvalidFilter(op + " on " + name + " takes strings, numbers or booleans");
          }
        }
        boolean in = op.equals("$in");
        List<Value> values = list.getValuesList();
        return m -> {
          Value actual = m.getFieldsMap().get(name);
          if (actual == null) return !in;
          return anyEquals(actual, values) == in;
        };
      }
      case "$exists" -> {
        if (operand.getKindCase() != Value.KindCase.BOOL_VALUE) throw new InvalidFilter("$exists on " + name + " needs true or false");
        boolean exists = operand.getBoolValue();
        return m -> m.getFieldsMap().containsKey(name) == exists;
      }
      default -> throw new InvalidFilter("unknown operator " + op + " on " + name);
    }
  }

  private static void requireScalar(String name, String op, Value v) {
    switch (v.getKindCase()) {
      case STRING_VALUE, NUMBER_VALUE, BOOL_VALUE -> {
      }
      default -> throw new InvalidFilter(op + " on " + name + " needs a string, number or boolean");
    }
  }

  /** Whether the stored value (a scalar or a list of scalars) equals any of the candidates. */
  private static boolean anyEquals(Value actual, List<Value> candidates) {
    if (actual.getKindCase() == Value.KindCase.LIST_VALUE) {
      for (Value element : actual.getListValue().getValuesList()) {
        if (scalarIn(element, candidates)) return true;
      }
      return false;
    }
    return scalarIn(actual, candidates);
  }

  private static boolean scalarIn(Value actual, List<Value> candidates) {
    for (Value c : candidates) {
      if (actual.getKindCase() != c.getKindCase()) continue;
      switch (actual.getKindCase()) {
        case STRING_VALUE -> {
          if (actual.getStringValue().equals(c.getStringValue())) return true;
        }
        case NUMBER_VALUE -> {
          if (actual.getNumberValue() == c.getNumberValue()) return true;
        }
        case BOOL_VALUE -> {
          if (actual.getBoolValue() == c.getBoolValue()) return true;
        }
        default -> {
        }
      }
    }
    return false;
  }
}
