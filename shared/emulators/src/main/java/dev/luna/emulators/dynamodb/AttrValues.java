package dev.luna.emulators.dynamodb;

import java.util.Map;

/** Ordering, sizing and small helpers over {@link AttrValue}s. */
final class AttrValues {
  static final int MAX_ITEM_SIZE = 400 * 1024;

  private AttrValues() {}

  /** True for the scalar types that can be ordered (and used as keys): S, N and B. */
  static boolean isOrdered(AttrValue v) {
    return v instanceof AttrValue.S || v instanceof AttrValue.N || v instanceof AttrValue.B;
  }

  /**
   * Compares two values of the same ordered type (S by UTF-8 bytes, N numerically, B unsigned bytes).
   *
   * @throws IllegalArgumentException if the values are not of the same ordered type
   */
  static int compare(AttrValue a, AttrValue b) {
    if (a instanceof AttrValue.S(String x) && b instanceof AttrValue.S(String y)) {
      return compareUtf8(x, y);
    }
    if (a instanceof AttrValue.N(var x) && b instanceof AttrValue.N(var y)) {
      return x.compareTo(y);
    }
    if (a instanceof AttrValue.B(var x) && b instanceof AttrValue.B(var y)) {
      return x.compareTo(y);
    }
    throw new IllegalArgumentException("not comparable: " + a.type() + " and " + b.type());
  }

  /** True when both values are of one ordered type, so {@link #compare} may be used. */
  static boolean comparable(AttrValue a, AttrValue b) {
    return a != null && b != null && isOrdered(a) && a.type().equals(b.type());
  }

  /** Code point order, which is the same as comparing the UTF-8 encodings byte by byte. */
  static int compareUtf8(String x, String y) {
    int i = 0;
    int j = 0;
    while (i < x.length() && j < y.length()) {
      int cx = x.codePointAt(i);
      int cy = y.codePointAt(j);
      if (cx != cy) {
        return Integer.compare(cx, cy);
      }
      i += Character.charCount(cx);
      j += Character.charCount(cy);
    }
    return Boolean.compare(i < x.length(), j < y.length());
  }

  static int itemSize(Map<String, AttrValue> item) {
    int size = 0;
    for (Map.Entry<String, AttrValue> e : item.entrySet()) {
      size += utf8Length(e.getKey()) + size(e.getValue());
    }
    return size;
  }

  static int size(AttrValue value) {
    return switch (value) {
      case AttrValue.S s -> utf8Length(s.value());
      case AttrValue.N n -> Numbers.size(n.value());
      case AttrValue.B b -> b.value().length();
      case AttrValue.Bool ignored -> 1;
      case AttrValue.Null ignored -> 1;
      case AttrValue.M m -> 3 + m.value().entrySet().stream()
          .mapToInt(e -> 1 + utf8Length(e.getKey()) + size(e.getValue())).sum();
      case AttrValue.L l -> 3 + l.value().stream().mapToInt(v -> 1 + size(v)).sum();
      case AttrValue.SS ss -> ss.value().stream().mapToInt(AttrValues::utf8Length).sum();
      case AttrValue.NS ns -> ns.value().stream().mapToInt(Numbers::size).sum();
      case AttrValue.BS bs -> bs.value().stream().mapToInt(AttrValue.Bytes::length).sum();
    };
  }

  static int utf8Length(String s) {
    int length = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        length++;
      } else if (c < 0x800) {
        length += 2;
      } else if (Character.isHighSurrogate(c)) {
        length += 4;
        i++;
      } else {
        length += 3;
      }
    }
    return length;
  }

  static boolean isEmptyKeyValue(AttrValue v) {
    return (v instanceof AttrValue.S s && s.value().isEmpty())
        || (v instanceof AttrValue.B b && b.value().length() == 0);
  }
}
