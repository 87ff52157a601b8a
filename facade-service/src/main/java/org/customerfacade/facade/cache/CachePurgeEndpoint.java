package org.customerfacade.facade.cache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.customerfacade.facade.account.Account;
import org.customerfacade.facade.account.AccountResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

/**
 * Management endpoint {@code /actuator/cache} that purges cached reads: {@code DELETE
 * /actuator/cache} drops everything, {@code DELETE /actuator/cache/{account}} one account, and
 * {@code DELETE /actuator/cache/{account}/{customerId}} one customer with the lookups that
 * contained it. The management port's token filter guards it with the operators' bearer token.
 */
@Component
@Endpoint(id = CachePurgeEndpoint.ID)
class CachePurgeEndpoint {

  static final String ID = "cache";

  private static final Logger log = LoggerFactory.getLogger(CachePurgeEndpoint.class);

  private final CustomerCache cache;
  private final List<String> accounts;

  CachePurgeEndpoint(CustomerCache cache, AccountResolver accounts) {
    this.cache = cache;
    this.accounts = accounts.accounts().stream().map(Account::name).sorted().toList();
  }

  @DeleteOperation
  Map<String, Object> purgeAll() {
    long purged = cache.purgeAll();
    log.info("Admin purge dropped every entry ({} entries)", purged);
    return ordered("scope", "all", "purged", purged);
  }

  @DeleteOperation
  WebEndpointResponse<Map<String, Object>> purgeAccount(@Selector String account) {
    if (!accounts.contains(account)) {
      return unknownAccount(account);
    }
    long purged = cache.purgeAccount(account);
    log.info("Admin purge dropped account '{}' ({} entries)", account, purged);
    return new WebEndpointResponse<>(
        ordered("scope", "account", "account", account, "purged", purged));
  }

  @DeleteOperation
  WebEndpointResponse<Map<String, Object>> purgeCustomer(
      @Selector String account, @Selector long customerId) {
    if (!accounts.contains(account)) {
      return unknownAccount(account);
    }
    long purged = cache.purgeCustomer(account, customerId);
    log.info("Admin purge dropped customer {} of '{}' ({} entries)", customerId, account, purged);
    return new WebEndpointResponse<>(
        ordered(
            "scope", "customer", "account", account, "customerId", customerId, "purged", purged));
  }

  private WebEndpointResponse<Map<String, Object>> unknownAccount(String account) {
    return new WebEndpointResponse<>(
        ordered(
            "status",
            404,
            "detail",
            "Account '" + account + "' is not configured; use one of " + accounts + "."),
        WebEndpointResponse.STATUS_NOT_FOUND);
  }

  /** Builds a response body whose fields keep the given order, so responses read the same. */
  private static Map<String, Object> ordered(Object... namesAndValues) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      body.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return body;
  }
}
