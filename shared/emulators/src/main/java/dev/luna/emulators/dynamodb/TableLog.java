package dev.luna.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * An append-only log of one table's mutations: one JSON line per write, either {@code {"put":item}} or
 * {@code {"delete":key}}. Every append is a single write(2) to the OS, so it survives the JVM being
 * killed; a torn final line (from a crash mid-write) is ignored on replay.
 */
final class TableLog implements AutoCloseable {
  private static final String PUT = "put";
  private static final String DELETE = "delete";

  private final Path file;
  private final FileChannel channel;

  private TableLog(Path file) throws IOException {
    this.file = file;
    this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
  }

  /** Outcome of a replay: how many records were read and whether the file ended in a torn line. */
  record Replay(long records, boolean torn) {}

  /** Receives replayed records: an item for a put, or the key attributes for a delete. */
  interface Sink {
    void accept(Map<String, AttrValue> itemOrKey, boolean delete);
  }

  static TableLog open(Path file) {
    try {
      return new TableLog(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open DynamoDB emulator log " + file, e);
    }
  }

  void appendPut(Map<String, AttrValue> item) {
    append(record(PUT, item));
  }

  void appendDelete(Map<String, AttrValue> key) {
    append(record(DELETE, key));
  }

  private static byte[] record(String kind, Map<String, AttrValue> attributes) {
    ObjectNode line = Json.object();
    line.set(kind, AttrValueJson.itemToJson(attributes));
    byte[] json = Json.bytes(line);
    byte[] withNewline = new byte[json.length + 1];
    System.arraycopy(json, 0, withNewline, 0, json.length);
    withNewline[json.length] = '\n';
    return withNewline;
  }

  private void append(byte[] line) {
    try {
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } catch (IOException e) {
      throw DynamoDbError.internal("Cannot append to " + file + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Replays {@code file} (if it exists) into the sink. An unterminated or unparseable final line is
   * reported as torn and skipped; an unparseable line followed by further records is corruption.
   */
  static Replay replay(Path file, Sink sink) {
    if (!Files.exists(file)) {
      return new Replay(0, false);
    }
    Replayer replayer = new Replayer(file, sink);
    try (InputStream in = Files.newInputStream(file)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      byte[] buffer = new byte[1 << 16];
      int read;
      while ((read = in.read(buffer)) > 0) {
        for (int i = 0; i < read; i++) {
          if (buffer[i] == '\n') {
            replayer.line(line.toByteArray());
            line.reset();
          } else {
            line.write(buffer[i]);
          }
        }
      }
      return new Replay(replayer.records, replayer.pendingError != null || line.size() > 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read DynamoDB emulator log " + file, e);
    }
  }

  /** Applies complete lines, holding back a parse failure until it is known not to be the last line. */
  private static final class Replayer {
    private final Path file;
    private final Sink sink;
    private long lineNumber;
    private long records;
    private RuntimeException pendingError;

    Replayer(Path file, Sink sink) {
      this.file = file;
      this.sink = sink;
    }

    void line(byte[] bytes) {
      lineNumber++;
      if (bytes.length == 0) {
        return;
      }
      if (pendingError != null) {
        throw pendingError;
      }
      try {
        JsonNode node = Json.parse(bytes);
        JsonNode put = node.path(PUT);
        if (put.isObject()) {
          sink.accept(AttrValueJson.item(put), false);
        } else {
          sink.accept(AttrValueJson.item(node.path(DELETE)), true);
        }
        records++;
      } catch (IOException | DynamoDbError e) {
        pendingError = new IllegalStateException("Corrupt DynamoDB emulator log " + file + " at line "
            + lineNumber + ": " + e.getMessage(), e);
      }
    }
  }

  /** Atomically replaces {@code file} with a log holding one put per item. */
  static void writeSnapshot(Path file, Iterable<Map<String, AttrValue>> items) {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        for (Map<String, AttrValue> item : items) {
          out.write(record(PUT, item));
        }
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot compact DynamoDB emulator log " + file, e);
    }
  }
}
