package dev.luna.emulators.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CompositeKeyTest {
  private static AttrValue s(String v) {
    return new AttrValue.S(v);
  }

  private static AttrValue n(String v) {
    return new AttrValue.N(new BigDecimal(v));
  }

  @Test
  void boundsEncloseEveryExtensionOfTheirPrefix() {
    NavigableMap<CompositeKey, String> map = new TreeMap<>();
    for (String h : List.of("a", "b", "c")) {
      for (String r : List.of("-1", "0", "5")) {
        map.put(CompositeKey.of(s(h), n(r)), h + r);
      }
    }
    assertThat(map.subMap(CompositeKey.lowerBound(s("b")), true, CompositeKey.upperBound(s("b")), true).values())
        .containsExactly("b-1", "b0", "b5");
    assertThat(map.subMap(CompositeKey.upperBound(s("b"), n("-1")), true, CompositeKey.upperBound(s("b")), true).values())
        .containsExactly("b0", "b5");
    assertThat(map.subMap(CompositeKey.lowerBound(s("b")), true, CompositeKey.lowerBound(s("b"), n("5")), true).values())
        .containsExactly("b-1", "b0");
  }

  @Test
  void stringsOrderByUtf8BytesNotUtf16Units() {
    assertThat(AttrValues.compareUtf8("\uffff", "\ud83d\ude00")).isNegative();
    assertThat("\uffff".compareTo("\ud83d\ude00")).isPositive(); // what String.compareTo would say
    assertThat(AttrValues.compareUtf8("ab", "a")).isPositive();
    assertThat(AttrValues.compareUtf8("B", "a")).isNegative();
  }

  @Test
  void numbersAreNormalisedSoEqualValuesAreEqual() {
    assertThat(n("1.50")).isEqualTo(n("1.5")).isEqualTo(n("15E-1"));
    assertThat(n("100")).isEqualTo(n("1E+2"));
    assertThat(n("-0.00")).isEqualTo(n("0"));
  }
}
