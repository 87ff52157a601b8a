package org.customerfacade.facade.cache;

import java.time.Duration;

/**
 * A read result and where it came from.
 *
 * @param value the customer or lookup result; shared between callers, so never modify it
 * @param hit true when served from the cache without waiting for the provider
 * @param age time since the value was fetched from the provider
 */
public record CachedRead<T>(T value, boolean hit, Duration age) {

  static <T> CachedRead<T> miss(T value) {
    return new CachedRead<>(value, false, Duration.ZERO);
  }
}
