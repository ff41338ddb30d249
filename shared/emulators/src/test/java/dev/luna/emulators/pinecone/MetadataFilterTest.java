package dev.luna.emulators.pinecone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MetadataFilterTest {
  static Struct json(String s) {
    var b = Struct.newBuilder();
    try {
      JsonFormat.parser().merge(s, b);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(e);
    }
    return b.build();
  }

  static final Struct DRAMA = json("{\"genre\":\"drama\",\"year\":2019,\"rating\":4.5,\"tags\":[\"award\",\"indie\"],\"free\":true}");
  static final Struct ACTION = json("{\"genre\":\"action\",\"year\":2021,\"tags\":[\"blockbuster\"],\"free\":false}");
  static final Struct BARE = json("{\"year\":1999}");

  /** Which of DRAMA, ACTION, BARE the filter keeps. */
  static List<String> kept(String filter) {
    var f = MetadataFilter.parse(json(filter));
    return Stream.of("drama", "action", "bare")
        .filter(n -> f.matches(switch (n) {
          case "drama" -> DRAMA;
          case "action" -> ACTION;
          default -> BARE;
        }))
        .toList();
  }

  @Test
  void equalityAndItsShorthand() {
    assertThat(kept("{\"genre\":\"drama\"}")).containsExactly("drama");
    assertThat(kept("{\"genre\":{\"$eq\":\"drama\"}}")).containsExactly("drama");
    assertThat(kept("{\"year\":2021}")).containsExactly("action");
    assertThat(kept("{\"free\":true}")).containsExactly("drama");
    assertThat(kept("{\"year\":\"2021\"}")).isEmpty(); // types do not convert
    assertThat(kept("{\"genre\":{\"$ne\":\"drama\"}}")).containsExactly("action", "bare"); // absent counts as not equal
  }

  @Test
  void numericComparisonsOnlyMatchNumbers() {
    assertThat(kept("{\"year\":{\"$gt\":2019}}")).containsExactly("action");
    assertThat(kept("{\"year\":{\"$gte\":2019}}")).containsExactly("drama", "action");
    assertThat(kept("{\"year\":{\"$lt\":2019}}")).containsExactly("bare");
    assertThat(kept("{\"year\":{\"$lte\":2019}}")).containsExactly("drama", "bare");
    assertThat(kept("{\"year\":{\"$gt\":1999,\"$lt\":2021}}")).containsExactly("drama");
    assertThat(kept("{\"rating\":{\"$gte\":4}}")).containsExactly("drama");
    assertThat(kept("{\"genre\":{\"$gt\":0}}")).isEmpty();
  }

  @Test
  void setMembershipIncludingListFields() {
    assertThat(kept("{\"genre\":{\"$in\":[\"drama\",\"comedy\"]}}")).containsExactly("drama");
    assertThat(kept("{\"genre\":{\"$nin\":[\"drama\",\"comedy\"]}}")).containsExactly("action", "bare");
    assertThat(kept("{\"year\":{\"$in\":[1999,2021]}}")).containsExactly("action", "bare");
    assertThat(kept("{\"tags\":{\"$in\":[\"indie\"]}}")).containsExactly("drama");
    assertThat(kept("{\"tags\":\"blockbuster\"}")).containsExactly("action");
    assertThat(kept("{\"tags\":{\"$nin\":[\"indie\"]}}")).containsExactly("action", "bare");
    assertThat(kept("{\"tags\":{\"$ne\":\"award\"}}")).containsExactly("action", "bare");
  }

  @Test
  void existsAndOrAndNesting() {
    assertThat(kept("{\"genre\":{\"$exists\":true}}")).containsExactly("drama", "action");
    assertThat(kept("{\"genre\":{\"$exists\":false}}")).containsExactly("bare");
    assertThat(kept("{\"$or\":[{\"genre\":\"action\"},{\"year\":{\"$lt\":2000}}]}")).containsExactly("action", "bare");
    assertThat(kept("{\"$and\":[{\"year\":{\"$gte\":2019}},{\"free\":false}]}")).containsExactly("action");
    assertThat(kept("{\"$or\":[{\"$and\":[{\"genre\":\"drama\"},{\"year\":2019}]},{\"genre\":\"none\"}],\"free\":{\"$exists\":true}}"))
        .containsExactly("drama");
    assertThat(kept("{}")).containsExactly("drama", "action", "bare");
  }

  @Test
  void invalidFiltersAreRefused() {
    for (String bad : List.of("{\"genre\":{\"$regex\":\"d.*\"}}", "{\"$not\":{\"genre\":\"drama\"}}", "{\"year\":{\"$gt\":\"2000\"}}",
        "{\"genre\":{\"$in\":\"drama\"}}", "{\"genre\":{\"$in\":[{\"a\":1}]}}", "{\"$and\":[]}", "{\"$or\":{\"genre\":\"drama\"}}",
        "{\"genre\":{\"$exists\":1}}", "{\"genre\":{}}", "{\"genre\":[\"drama\"]}")) {
      assertThatThrownBy(() -> MetadataFilter.parse(json(bad)), bad).isInstanceOf(MetadataFilter.InvalidFilter.class);
    }
  }
}
