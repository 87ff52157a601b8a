package org.customerfacade.facade.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.customerfacade.facade.account.Account;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Accounts that the provider rate-limited, with the time until which the facade rejects their calls
 * with 429 instead of sending them.
 *
 * <p>Kept in this replica's memory only: with several replicas each learns the limit from its own
 * first 429.
 */
@Component
class ProviderRateLimits {

  private final Clock clock;
  private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

  ProviderRateLimits(Clock clock) {
    this.clock = clock;
  }

  /** Blocks the account for {@code retryAfter}, keeping a later end that is already stored. */
  void block(Account account, Duration retryAfter) {
    Instant until = clock.instant().plus(retryAfter);
    blockedUntil.merge(key(account), until, (old, now) -> old.isAfter(now) ? old : now);
  }

  /** Returns the time left before the account may call the provider, or null if it may now. */
  @Nullable Duration remaining(Account account) {
    Instant until = blockedUntil.get(key(account));
    if (until == null) {
      return null;
    }
    Duration left = Duration.between(clock.instant(), until);
    if (left.isNegative() || left.isZero()) {
      blockedUntil.remove(key(account), until);
      return null;
    }
    return left;
  }

  /** Returns the key of an account's limit: each region's instance limits the account apart. */
  private static String key(Account account) {
    return account.name() + "@" + account.region();
  }
}
