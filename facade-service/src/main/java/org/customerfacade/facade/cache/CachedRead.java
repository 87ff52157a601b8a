package org.customerfacade.facade.cache;

import java.time.Duration;

/**
 * A read result and how the cache produced it.
 *
 * @param value the customer or lookup result; shared between callers, so never modify it
 * @param source how the cache produced the value
 * @param age time since the value was fetched from the provider
 * @param freshFor time the value stays fresh; negative once it is stale
 * @param upstreamStatus HTTP status of the provider call this read made or waited for; 0 when the
 *     read made none
 */
public record CachedRead<T>(
    T value, Source source, Duration age, Duration freshFor, int upstreamStatus) {

  /** Name of this cache in the {@code Cache-Status} header. */
  public static final String CACHE_NAME = "facade";

  /** Source of a read: the cache, the provider, or both. */
  public enum Source {
    /** A fresh entry, without a provider call. */
    HIT,
    /** No local entry: a fresh copy that another replica shared served the read. */
    SHARED_HIT,
    /** No entry: this read called the provider and stored the result. */
    MISS,
    /** No entry: this read waited for a provider call another read had started. */
    COLLAPSED,
    /** The entry was past its TTL: this read called the provider and stored the result. */
    REFRESHED,
    /** The caller's Cache-Control rejected the entry: this read called the provider. */
    REVALIDATED,
    /** The caller sent Cache-Control: no-store: the cache was neither read nor written. */
    BYPASSED,
    /** The provider failed, so a stored entry past its TTL served the read (stale-if-error). */
    STALE
  }

  /**
   * Returns the value of the {@code X-Cache} header: {@code HIT}, {@code STALE} or {@code MISS}.
   */
  public String xCache() {
    return switch (source) {
      case HIT, SHARED_HIT -> "HIT";
      case STALE -> "STALE";
      default -> "MISS";
    };
  }

  /** Returns the value of the {@code Cache-Status} header defined by RFC 9211. */
  public String cacheStatus() {
    StringBuilder status = new StringBuilder(CACHE_NAME);
    switch (source) {
      case HIT, SHARED_HIT -> status.append("; hit");
      case MISS -> status.append("; fwd=uri-miss");
      case COLLAPSED -> status.append("; fwd=uri-miss; collapsed");
      case REFRESHED, STALE -> status.append("; fwd=stale");
      case REVALIDATED, BYPASSED -> status.append("; fwd=request");
    }
    if (upstreamStatus > 0) {
      status.append("; fwd-status=").append(upstreamStatus);
    }
    if (source == Source.HIT || source == Source.SHARED_HIT || source == Source.STALE) {
      status.append("; ttl=").append(freshFor.toSeconds());
    }
    if (source == Source.MISS || source == Source.REFRESHED || source == Source.REVALIDATED) {
      status.append("; stored");
    }
    if (source == Source.SHARED_HIT) {
      status.append("; detail=shared");
    }
    if (source == Source.STALE) {
      status.append("; detail=stale-if-error");
    }
    return status.toString();
  }

  static <T> CachedRead<T> bypassed(T value) {
    return new CachedRead<>(value, Source.BYPASSED, Duration.ZERO, Duration.ZERO, 200);
  }
}
