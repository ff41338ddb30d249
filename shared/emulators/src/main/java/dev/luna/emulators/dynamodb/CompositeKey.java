package dev.luna.emulators.dynamodb;

import java.util.Arrays;

/**
 * A sortable tuple of key values (hash, then range, ...). A key may also be a search bound: a prefix
 * that sorts just below ({@link #lowerBound}) or just above ({@link #upperBound}) every key extending it.
 */
final class CompositeKey implements Comparable<CompositeKey> {
  private final AttrValue[] parts;
  private final int tail;

  private CompositeKey(AttrValue[] parts, int tail) {
    this.parts = parts;
    this.tail = tail;
  }

  static CompositeKey of(AttrValue... parts) {
    return new CompositeKey(parts, 0);
  }

  static CompositeKey lowerBound(AttrValue... prefix) {
    return new CompositeKey(prefix, -1);
  }

  static CompositeKey upperBound(AttrValue... prefix) {
    return new CompositeKey(prefix, 1);
  }

  AttrValue part(int index) {
    return parts[index];
  }

  @Override
  public int compareTo(CompositeKey other) {
    int n = Math.min(parts.length, other.parts.length);
    for (int i = 0; i < n; i++) {
      int c = AttrValues.compare(parts[i], other.parts[i]);
      if (c != 0) {
        return c;
      }
    }
    if (parts.length == other.parts.length) {
      return Integer.compare(tail, other.tail);
    }
    if (parts.length < other.parts.length) {
      return tail > 0 ? 1 : -1;
    }
    return other.tail > 0 ? -1 : 1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CompositeKey other && tail == other.tail && Arrays.equals(parts, other.parts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(parts) * 31 + tail;
  }

  @Override
  public String toString() {
    return Arrays.toString(parts);
  }
}
