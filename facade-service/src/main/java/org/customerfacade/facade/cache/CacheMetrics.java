package org.customerfacade.facade.cache;

import com.github.benmanes.caffeine.cache.RemovalCause;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.customerfacade.facade.cache.CachedRead.Source;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer meters of the cache: {@code facade.cache.reads} by account and result (hit, miss,
 * collapsed, refreshed, revalidated, bypassed, stale), {@code facade.cache.removals} by account and
 * Caffeine's removal cause, and the gauge {@code facade.cache.weight} of estimated bytes.
 */
final class CacheMetrics {

  private final MeterRegistry registry;

  CacheMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void recordRead(CacheKey key, Source source) {
    registry
        .counter(
            "facade.cache.reads",
            "account",
            key.scope().account(),
            "result",
            source.name().toLowerCase(Locale.ROOT))
        .increment();
  }

  void recordRemoval(@Nullable CacheKey key, RemovalCause cause) {
    registry
        .counter(
            "facade.cache.removals",
            "account",
            key == null ? "none" : key.scope().account(),
            "cause",
            cause.name().toLowerCase(Locale.ROOT))
        .increment();
  }

  <T> void gaugeWeight(T cache, ToDoubleFunction<T> bytes) {
    registry.gauge("facade.cache.weight", List.of(), cache, bytes);
  }
}
