package org.customerfacade.facade.cache;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.customerfacade.facade.problem.FacadeProblem;
import org.jspecify.annotations.Nullable;

/** What the cache stores under a key once its load has completed. Loads never fail as futures. */
sealed interface CacheEntry {

  /** Estimated heap bytes of the entry, the unit of {@code facade.cache.maximum-weight}. */
  int weightBytes();

  /**
   * A value fetched from the provider: a customer or a lookup result. An empty lookup result is a
   * negative entry with the shorter negative TTL.
   */
  final class Stored implements CacheEntry {

    private final Object value;
    private final long loadedAtNanos;
    private final int weightBytes;
    private final boolean shared;
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicBoolean refreshing = new AtomicBoolean();

    Stored(Object value, long loadedAtNanos, int weightBytes) {
      this(value, loadedAtNanos, weightBytes, false);
    }

    /**
     * @param loadedAtNanos ticker time at which a replica fetched the value from the provider
     * @param shared whether the value came from the shared second level rather than the provider
     */
    Stored(Object value, long loadedAtNanos, int weightBytes, boolean shared) {
      this.value = value;
      this.loadedAtNanos = loadedAtNanos;
      this.weightBytes = weightBytes;
      this.shared = shared;
    }

    Object value() {
      return value;
    }

    long loadedAtNanos() {
      return loadedAtNanos;
    }

    @Override
    public int weightBytes() {
      return weightBytes;
    }

    boolean shared() {
      return shared;
    }

    boolean negative() {
      return value instanceof List<?> list && list.isEmpty();
    }

    /** Counts a read that this entry served and returns the count so far. */
    int countRead() {
      return reads.incrementAndGet();
    }

    /** Marks the entry as being refreshed, and returns false when a refresh had started already. */
    boolean startRefresh() {
      return refreshing.compareAndSet(false, true);
    }
  }

  /** The provider returned 404 to a retrieve: a negative entry with the negative TTL. */
  record NotFound(FacadeProblem problem, long loadedAtNanos) implements CacheEntry {

    @Override
    public int weightBytes() {
      return 64 + 2 * String.valueOf(problem.getMessage()).length();
    }
  }

  /**
   * A load that failed, delivered to every read that waited for it.
   *
   * @param previous the entry the load was meant to replace, kept so that reads can fall back to it
   *     (stale-if-error); null when there was none, and then the failure is removed after delivery
   */
  record Failed(Throwable error, @Nullable Stored previous) implements CacheEntry {

    @Override
    public int weightBytes() {
      return previous == null ? 0 : previous.weightBytes();
    }
  }
}
