package org.customerfacade.facade.account;

import org.jspecify.annotations.Nullable;

/**
 * A provider account as the facade uses it.
 *
 * @param name configuration name of the account, used in cache keys, logs and the {@code X-Account}
 *     header
 * @param apiKey the provider's API key; never log it
 * @param region the provider instance that stores the account's data
 * @param environment production or sandbox
 * @param failoverRegion region whose endpoints may serve the account's reads when its own cannot,
 *     for accounts whose data the provider replicates there; null for none
 */
public record Account(
    String name,
    String apiKey,
    Region region,
    Environment environment,
    @Nullable Region failoverRegion) {

  /** Returns this account routed to {@code other} instead of its configured region. */
  public Account inRegion(Region other) {
    return new Account(
        name, apiKey, other, environment, failoverRegion == other ? null : failoverRegion);
  }

  @Override
  public String toString() {
    return "Account[" + name + ", " + region + ", " + environment + "]";
  }
}
