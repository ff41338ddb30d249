package dev.luna.emulators.dynamodb;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/** Runs an action while holding the write locks of several tables, taken in name order (no deadlock). */
final class TableLocks {
  private TableLocks() {}

  static <T> T withLocks(Collection<TableStore> tables, Supplier<T> action) {
    List<TableStore> ordered = tables.stream().distinct()
        .sorted(Comparator.comparing(TableStore::name)).toList();
    int locked = 0;
    try {
      for (TableStore table : ordered) {
        table.lock().lock();
        locked++;
        if (table.isDeleted()) {
          throw TableCatalog.notFound(table.name());
        }
      }
      return action.get();
    } finally {
      for (int i = locked - 1; i >= 0; i--) {
        ordered.get(i).lock().unlock();
      }
    }
  }
}
