package org.customerfacade.facade.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.customerfacade.facade.account.AccountProperties.AccountOptions;
import org.customerfacade.facade.account.AccountProperties.ConsumerOptions;
import org.customerfacade.facade.problem.FacadeProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Resolves the provider account of a request from the consumer id that the gateway set and the
 * optional account the consumer chose.
 */
@Component
public class AccountResolver {

  private final Map<String, Account> accounts;
  private final Map<String, ConsumerOptions> consumers;

  public AccountResolver(AccountProperties properties) {
    this.accounts = toAccounts(properties.getAccounts());
    this.consumers = Map.copyOf(properties.getConsumers());
    consumers.forEach(this::checkConsumer);
  }

  /**
   * Resolves the account for a consumer; emits a {@link FacadeProblem} when the consumer is missing
   * or may not use the requested account.
   */
  public Mono<Account> resolve(@Nullable String consumerId, @Nullable String requestedAccount) {
    return resolve(consumerId, requestedAccount, null);
  }

  /**
   * Resolves the account for a consumer as {@link #resolve(String, String)} does, then routes it to
   * {@code requestedRegion} when one is given; emits a {@link FacadeProblem} when the region is
   * invalid or the consumer may not override regions.
   */
  public Mono<Account> resolve(
      @Nullable String consumerId,
      @Nullable String requestedAccount,
      @Nullable String requestedRegion) {
    try {
      return Mono.just(resolveNow(consumerId, requestedAccount, requestedRegion));
    } catch (FacadeProblem problem) {
      return Mono.error(problem);
    }
  }

  /**
   * Returns the account that {@link #resolve(String, String, String)} would emit, or null where it
   * would emit a problem.
   */
  public @Nullable Account resolveOrNull(
      @Nullable String consumerId,
      @Nullable String requestedAccount,
      @Nullable String requestedRegion) {
    try {
      return resolveNow(consumerId, requestedAccount, requestedRegion);
    } catch (FacadeProblem problem) {
      return null;
    }
  }

  private Account resolveNow(
      @Nullable String consumerId,
      @Nullable String requestedAccount,
      @Nullable String requestedRegion) {
    Account account = resolveAccount(consumerId, requestedAccount);
    return overrideRegion(consumerId, account, requestedRegion);
  }

  private Account overrideRegion(
      @Nullable String consumerId, Account account, @Nullable String requestedRegion) {
    if (requestedRegion == null || requestedRegion.isBlank()) {
      return account;
    }
    if (!consumers.get(consumerId).isRegionOverride()) {
      throw FacadeProblem.regionOverrideNotAllowed(consumerId);
    }
    Region region = parseRegion(requestedRegion);
    if (region == null) {
      throw FacadeProblem.invalidRegion(requestedRegion);
    }
    return region == account.region() ? account : account.inRegion(region);
  }

  private static @Nullable Region parseRegion(String value) {
    for (Region region : Region.values()) {
      if (region.name().equalsIgnoreCase(value.trim())) {
        return region;
      }
    }
    return null;
  }

  private Account resolveAccount(@Nullable String consumerId, @Nullable String requestedAccount) {
    if (consumerId == null || consumerId.isBlank()) {
      throw FacadeProblem.missingConsumer();
    }
    ConsumerOptions consumer = consumers.get(consumerId);
    if (consumer == null) {
      throw FacadeProblem.unknownConsumer(consumerId);
    }

    String name =
        requestedAccount == null || requestedAccount.isBlank()
            ? defaultAccount(consumer)
            : requestedAccount;
    if (!consumer.getAccounts().contains(name)) {
      throw FacadeProblem.accountNotAllowed(consumerId, name, consumer.getAccounts());
    }
    return accounts.get(name);
  }

  /** Returns every configured account. */
  public List<Account> accounts() {
    return List.copyOf(accounts.values());
  }

  private static String defaultAccount(ConsumerOptions consumer) {
    return Objects.requireNonNullElse(consumer.getDefaultAccount(), consumer.getAccounts().get(0));
  }

  private static Map<String, Account> toAccounts(Map<String, AccountOptions> options) {
    Map<String, Account> result = new LinkedHashMap<>();
    options.forEach(
        (name, account) ->
            result.put(
                name,
                new Account(
                    name,
                    Objects.requireNonNull(account.getApiKey()),
                    Objects.requireNonNull(account.getRegion()),
                    account.getEnvironment(),
                    account.getFailoverRegion())));
    return Map.copyOf(result);
  }

  private void checkConsumer(String id, ConsumerOptions consumer) {
    for (String account : consumer.getAccounts()) {
      if (!accounts.containsKey(account)) {
        throw new IllegalStateException(
            "facade.consumers."
                + id
                + ".accounts names account '"
                + account
                + "', which is not configured under facade.accounts; configured: "
                + accounts.keySet());
      }
    }
    String defaultAccount = consumer.getDefaultAccount();
    if (defaultAccount != null && !consumer.getAccounts().contains(defaultAccount)) {
      throw new IllegalStateException(
          "facade.consumers."
              + id
              + ".default-account must be one of the consumer's accounts "
              + consumer.getAccounts()
              + " but was '"
              + defaultAccount
              + "'");
    }
  }
}
