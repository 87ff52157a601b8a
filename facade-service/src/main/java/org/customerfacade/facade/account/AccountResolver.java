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
    return resolveAccount(consumerId, requestedAccount)
        .flatMap(account -> overrideRegion(consumerId, account, requestedRegion));
  }

  private Mono<Account> overrideRegion(
      @Nullable String consumerId, Account account, @Nullable String requestedRegion) {
    if (requestedRegion == null || requestedRegion.isBlank()) {
      return Mono.just(account);
    }
    if (!consumers.get(consumerId).isRegionOverride()) {
      return Mono.error(FacadeProblem.regionOverrideNotAllowed(consumerId));
    }
    Region region = parseRegion(requestedRegion);
    if (region == null) {
      return Mono.error(FacadeProblem.invalidRegion(requestedRegion));
    }
    return Mono.just(region == account.region() ? account : account.inRegion(region));
  }

  private static @Nullable Region parseRegion(String value) {
    for (Region region : Region.values()) {
      if (region.name().equalsIgnoreCase(value.trim())) {
        return region;
      }
    }
    return null;
  }

  private Mono<Account> resolveAccount(
      @Nullable String consumerId, @Nullable String requestedAccount) {
    if (consumerId == null || consumerId.isBlank()) {
      return Mono.error(FacadeProblem.missingConsumer());
    }
    ConsumerOptions consumer = consumers.get(consumerId);
    if (consumer == null) {
      return Mono.error(FacadeProblem.unknownConsumer(consumerId));
    }

    String name =
        requestedAccount == null || requestedAccount.isBlank()
            ? defaultAccount(consumer)
            : requestedAccount;
    if (!consumer.getAccounts().contains(name)) {
      return Mono.error(FacadeProblem.accountNotAllowed(consumerId, name, consumer.getAccounts()));
    }
    return Mono.just(accounts.get(name));
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
