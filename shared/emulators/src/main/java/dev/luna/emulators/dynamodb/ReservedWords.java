package dev.luna.emulators.dynamodb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * DynamoDB's reserved words, which an expression may not use as a literal attribute name (they must go
 * through an ExpressionAttributeNames placeholder instead). The list is AWS's published one, kept in
 * {@code reserved-words.txt} next to this class and loaded once.
 */
final class ReservedWords {
  private static final String RESOURCE = "reserved-words.txt";
  private static final Set<String> WORDS = load();

  private ReservedWords() {}

  /** Whether {@code name} is a reserved word, ignoring case. */
  static boolean contains(String name) {
    return WORDS.contains(name.toUpperCase(Locale.ROOT));
  }

  static int size() {
    return WORDS.size();
  }

  private static Set<String> load() {
    InputStream in = ReservedWords.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("Missing resource " + RESOURCE + " next to " + ReservedWords.class.getName());
    }
    Set<String> words = new HashSet<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word.toUpperCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
    return Set.copyOf(words);
  }
}
