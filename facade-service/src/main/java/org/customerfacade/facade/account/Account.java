package org.customerfacade.facade.account;

/**
 * A provider account as the facade uses it.
 *
 * @param name configuration name of the account, used in cache keys, logs and the {@code X-Account}
 *     header
 * @param apiKey the provider's API key; never log it
 * @param region the provider instance that stores the account's data
 * @param environment production or sandbox
 */
public record Account(String name, String apiKey, Region region, Environment environment) {

  @Override
  public String toString() {
    return "Account[" + name + ", " + region + ", " + environment + "]";
  }
}
