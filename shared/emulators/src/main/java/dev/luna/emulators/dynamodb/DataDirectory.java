package dev.luna.emulators.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * File layout of a persistent emulator: per table, {@code <name>.table.json} (metadata, replaced
 * atomically) and {@code <name>.log} (the {@link TableLog}).
 */
final class DataDirectory {
  private static final String METADATA_SUFFIX = ".table.json";
  private static final String LOG_SUFFIX = ".log";

  private final Path directory;

  DataDirectory(Path directory) {
    this.directory = directory;
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create DynamoDB emulator data directory " + directory, e);
    }
  }

  List<TableDefinition> loadDefinitions() {
    List<TableDefinition> definitions = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + METADATA_SUFFIX)) {
      for (Path file : files) {
        definitions.add(TableDescriptions.fromMetadata(Json.parse(Files.readAllBytes(file))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read DynamoDB emulator data directory " + directory, e);
    }
    return definitions;
  }

  void writeDefinition(TableDefinition definition) {
    Path file = directory.resolve(definition.name() + METADATA_SUFFIX);
    Path temp = directory.resolve(definition.name() + METADATA_SUFFIX + ".tmp");
    try {
      Files.write(temp, Json.bytes(TableDescriptions.toMetadata(definition)));
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write table metadata " + file, e);
    }
  }

  Path logFile(String tableName) {
    return directory.resolve(tableName + LOG_SUFFIX);
  }

  /** Removes a table's files; metadata first, so a crash midway never resurrects the table. */
  void delete(String tableName) {
    try {
      Files.deleteIfExists(directory.resolve(tableName + METADATA_SUFFIX));
      Files.deleteIfExists(logFile(tableName));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete files of table " + tableName, e);
    }
  }
}
