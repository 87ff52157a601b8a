package org.customerfacade.facade.cache;

import org.customerfacade.facade.account.Account;
import org.customerfacade.facade.account.Region;

/**
 * Key of one cached read. Every key carries its scope (account, region and API version), so one
 * account's data can never serve another account's request.
 */
sealed interface CacheKey {

  Scope scope();

  /** The account, region and API version that a cached read belongs to. */
  record Scope(String account, Region region, String apiVersion) {

    static Scope of(Account account, String apiVersion) {
      return new Scope(account.name(), account.region(), apiVersion);
    }
  }

  /** A customer retrieved by id. */
  record ById(Scope scope, long customerId) implements CacheKey {}

  /** The result list of a find request. */
  record ByLookup(Scope scope, LookupCriteria criteria) implements CacheKey {}
}
