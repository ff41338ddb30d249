package dev.luna.emulators.dynamodb;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable DynamoDB attribute value. Collections held by these records are never mutated once an
 * item has been stored; updates build new values along the changed path.
 */
sealed interface AttrValue {

  /** The DynamoDB type descriptor: S, N, B, BOOL, NULL, M, L, SS, NS or BS. */
  String type();

  record S(String value) implements AttrValue {
    public String type() {
      return "S";
    }
  }

  /** A number, always held normalised (trailing zeros stripped) so that equals() is numeric equality. */
  record N(BigDecimal value) implements AttrValue {
    public N {
      value = Numbers.normalise(value);
    }

    public String type() {
      return "N";
    }
  }

  record B(Bytes value) implements AttrValue {
    public String type() {
      return "B";
    }
  }

  record Bool(boolean value) implements AttrValue {
    public String type() {
      return "BOOL";
    }
  }

  record Null() implements AttrValue {
    public String type() {
      return "NULL";
    }
  }

  record M(Map<String, AttrValue> value) implements AttrValue {
    public String type() {
      return "M";
    }
  }

  record L(List<AttrValue> value) implements AttrValue {
    public String type() {
      return "L";
    }
  }

  record SS(Set<String> value) implements AttrValue {
    public String type() {
      return "SS";
    }
  }

  record NS(Set<BigDecimal> value) implements AttrValue {
    public String type() {
      return "NS";
    }
  }

  record BS(Set<Bytes> value) implements AttrValue {
    public String type() {
      return "BS";
    }
  }

  /** Binary content with value semantics and DynamoDB's unsigned byte-wise ordering. */
  final class Bytes implements Comparable<Bytes> {
    private final byte[] data;

    Bytes(byte[] data) {
      this.data = data;
    }

    static Bytes fromBase64(String base64) {
      return new Bytes(Base64.getDecoder().decode(base64));
    }

    int length() {
      return data.length;
    }

    boolean startsWith(Bytes prefix) {
      return prefix.data.length <= data.length
          && Arrays.equals(data, 0, prefix.data.length, prefix.data, 0, prefix.data.length);
    }

    String base64() {
      return Base64.getEncoder().encodeToString(data);
    }

    @Override
    public int compareTo(Bytes other) {
      return Arrays.compareUnsigned(data, other.data);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bytes other && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return base64();
    }
  }
}
