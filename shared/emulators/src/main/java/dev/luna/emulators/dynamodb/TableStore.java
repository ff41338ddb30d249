package dev.luna.emulators.dynamodb;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The items of one table, sorted by primary key, plus one sorted map per secondary index (keyed by index
 * key then table key, holding only items that have the index key attributes). Reads are lock-free;
 * writes happen while holding {@link #lock()} and are appended to the table's log first, if any.
 */
final class TableStore {
  private final ConcurrentSkipListMap<CompositeKey, Map<String, AttrValue>> items = new ConcurrentSkipListMap<>();
  private final Map<String, ConcurrentSkipListMap<CompositeKey, Map<String, AttrValue>>> indexes = new HashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private volatile TableDefinition definition;
  private volatile boolean deleted;
  private TableLog log;

  TableStore(TableDefinition definition) {
    this.definition = definition;
    definition.indexes().forEach(index -> indexes.put(index.name(), new ConcurrentSkipListMap<>()));
  }

  String name() {
    return definition.name();
  }

  TableDefinition definition() {
    return definition;
  }

  void definition(TableDefinition updated) {
    this.definition = updated;
  }

  ReentrantLock lock() {
    return lock;
  }

  boolean isDeleted() {
    return deleted;
  }

  /** Marks the table gone (deleted, or the server closed) and closes its log; the caller holds the lock. */
  void retire() {
    deleted = true;
    if (log != null) {
      log.close();
    }
  }

  void attachLog(TableLog tableLog) {
    this.log = tableLog;
  }

  Map<String, AttrValue> get(CompositeKey key) {
    return items.get(key);
  }

  /** Stores {@code item} at {@code key}, or deletes the key when item is null. Caller holds the lock. */
  void write(CompositeKey key, Map<String, AttrValue> item) {
    if (!lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("table lock not held");
    }
    if (log != null) {
      if (item != null) {
        log.appendPut(item);
      } else {
        Map<String, AttrValue> existing = items.get(key);
        if (existing == null) {
          return;
        }
        log.appendDelete(ItemKeys.attributes(existing, definition.keySchema().attributeNames()));
      }
    }
    apply(key, item);
  }

  /** Applies a replayed log record without logging it again. */
  void replay(Map<String, AttrValue> item, boolean delete) {
    apply(ItemKeys.primaryKey(definition.keySchema(), item), delete ? null : item);
  }

  private void apply(CompositeKey key, Map<String, AttrValue> item) {
    Map<String, AttrValue> old = item == null ? items.remove(key) : items.put(key, item);
    for (IndexDefinition index : definition.indexes()) {
      ConcurrentSkipListMap<CompositeKey, Map<String, AttrValue>> map = indexes.get(index.name());
      CompositeKey oldKey = old == null ? null : ItemKeys.indexKey(index, definition.keySchema(), old);
      CompositeKey newKey = item == null ? null : ItemKeys.indexKey(index, definition.keySchema(), item);
      if (oldKey != null && !oldKey.equals(newKey)) {
        map.remove(oldKey);
      }
      if (newKey != null) {
        map.put(newKey, item);
      }
    }
  }

  /** The table's items (index == null) or an index's entries, in key order. */
  NavigableMap<CompositeKey, Map<String, AttrValue>> view(IndexDefinition index) {
    return index == null ? items : indexes.get(index.name());
  }

  Collection<Map<String, AttrValue>> items() {
    return items.values();
  }

  long itemCount(IndexDefinition index) {
    return view(index).size();
  }

  long sizeBytes(IndexDefinition index) {
    long size = 0;
    for (Map<String, AttrValue> item : view(index).values()) {
      size += AttrValues.itemSize(item);
    }
    return size;
  }
}
