package dev.luna.emulators.dynamodb;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** All tables of the emulator, optionally persisted in a {@link DataDirectory}. */
final class TableCatalog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TableCatalog.class);
  private static final long COMPACT_MIN_RECORDS = 1_000;

  private final Map<String, TableStore> tables = new ConcurrentHashMap<>();
  private final DataDirectory directory;

  /** Creates an empty in-memory catalog (dataDirectory null) or loads every table persisted there. */
  TableCatalog(Path dataDirectory) {
    this.directory = dataDirectory == null ? null : new DataDirectory(dataDirectory);
    if (directory != null) {
      try {
        directory.loadDefinitions().forEach(this::load);
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }
  }

  private void load(TableDefinition definition) {
    TableStore table = new TableStore(definition);
    Path logFile = directory.logFile(definition.name());
    TableLog.Replay replay = TableLog.replay(logFile, table::replay);
    long items = table.itemCount(null);
    if (replay.torn() || (replay.records() > COMPACT_MIN_RECORDS && replay.records() > 2 * items)) {
      LOG.info("Compacting log of table {}: {} records for {} items{}", definition.name(),
          replay.records(), items, replay.torn() ? " (dropping a torn last line)" : "");
      TableLog.writeSnapshot(logFile, table.items());
    }
    table.attachLog(TableLog.open(logFile));
    tables.put(definition.name(), table);
  }

  static DynamoDbError notFound(String name) {
    return DynamoDbError.resourceNotFound("Requested resource not found: Table: " + name + " not found");
  }

  synchronized TableStore create(TableDefinition definition) {
    if (tables.containsKey(definition.name())) {
      throw DynamoDbError.resourceInUse("Table already exists: " + definition.name());
    }
    TableStore table = new TableStore(definition);
    if (directory != null) {
      directory.writeDefinition(definition);
      Path logFile = directory.logFile(definition.name());
      TableLog.writeSnapshot(logFile, List.of());
      table.attachLog(TableLog.open(logFile));
    }
    tables.put(definition.name(), table);
    return table;
  }

  TableStore require(String name) {
    TableStore table = tables.get(name);
    if (table == null) {
      throw notFound(name);
    }
    return table;
  }

  synchronized TableStore delete(String name) {
    TableStore table = require(name);
    TableLocks.withLocks(List.of(table), () -> {
      table.retire();
      tables.remove(name);
      if (directory != null) {
        directory.delete(name);
      }
      return null;
    });
    return table;
  }

  /** Replaces a table's definition (e.g. its TTL setting) and persists it. */
  synchronized void updateDefinition(TableStore table, TableDefinition definition) {
    TableLocks.withLocks(List.of(table), () -> {
      if (directory != null) {
        directory.writeDefinition(definition);
      }
      table.definition(definition);
      return null;
    });
  }

  List<String> names() {
    return tables.keySet().stream().sorted().toList();
  }

  @Override
  public synchronized void close() {
    for (TableStore table : tables.values()) {
      table.lock().lock();
      try {
        table.retire();
      } finally {
        table.lock().unlock();
      }
    }
    tables.clear();
  }
}
