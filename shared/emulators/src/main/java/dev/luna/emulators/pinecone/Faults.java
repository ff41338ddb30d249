package dev.luna.emulators.pinecone;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failure injection for tests of callers: {@code failAfter("upsert", 2)} lets two Upsert calls through and answers the
 * third with UNAVAILABLE (once), as a dropped connection or a throttled request would.
 */
public final class Faults {
  static final class Injected extends RuntimeException {
    Injected(String message) {
      super(message);
    }
  }

  private final Map<String, AtomicInteger> countdown = new ConcurrentHashMap<>();

  /** The call of {@code method} after {@code succeed} more successful ones fails once. */
  public void failAfter(String method, int succeed) {
    countdown.put(method, new AtomicInteger(succeed));
  }

  public void clear() {
    countdown.clear();
  }

  void check(String method) {
    var c = countdown.get(method);
    if (c == null) return;
    if (c.getAndDecrement() == 0) {
      countdown.remove(method, c);
      throw new Injected("injected failure of " + method);
    }
  }
}
