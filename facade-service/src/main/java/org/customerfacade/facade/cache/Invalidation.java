package org.customerfacade.facade.cache;

import java.util.UUID;
import org.customerfacade.server.model.Customer;
import org.jspecify.annotations.Nullable;

/**
 * A change that makes cached reads of other replicas wrong, as sent between replicas. It carries
 * the ids and lookup values of the customer, never its personal fields beyond those values.
 *
 * @param kind what happened
 * @param account the account's configured name; null for {@link Kind#ALL_PURGED}
 * @param customerId the customer's id; 0 when the kind has no customer
 * @param email the customer's email after a create or an update, used to match cached lookups
 * @param externalId the customer's external id after a create or an update
 * @param publicId the customer's public id after a create or an update
 */
record Invalidation(
    Kind kind,
    @Nullable String account,
    long customerId,
    @Nullable String email,
    @Nullable String externalId,
    @Nullable UUID publicId) {

  enum Kind {
    CREATED,
    CHANGED,
    DELETED,
    CUSTOMER_PURGED,
    ACCOUNT_PURGED,
    ALL_PURGED
  }

  static Invalidation created(String account, Customer customer) {
    return withValues(Kind.CREATED, account, customer);
  }

  static Invalidation changed(String account, long id, @Nullable Customer updated) {
    if (updated == null) {
      return new Invalidation(Kind.DELETED, account, id, null, null, null);
    }
    return withValues(Kind.CHANGED, account, updated).withId(id);
  }

  static Invalidation customerPurged(String account, long id) {
    return new Invalidation(Kind.CUSTOMER_PURGED, account, id, null, null, null);
  }

  static Invalidation accountPurged(String account) {
    return new Invalidation(Kind.ACCOUNT_PURGED, account, 0, null, null, null);
  }

  static Invalidation allPurged() {
    return new Invalidation(Kind.ALL_PURGED, null, 0, null, null, null);
  }

  /** Returns a customer with the lookup values, for matching cached lookups; null without them. */
  @Nullable Customer lookupValues() {
    if (kind != Kind.CREATED && kind != Kind.CHANGED) {
      return null;
    }
    Customer customer = new Customer();
    customer.setId(customerId);
    customer.setEmail(email);
    customer.setExternalId(externalId);
    customer.setPublicId(publicId);
    return customer;
  }

  private Invalidation withId(long id) {
    return new Invalidation(kind, account, id, email, externalId, publicId);
  }

  private static Invalidation withValues(Kind kind, String account, Customer customer) {
    long id = customer.getId() == null ? 0 : customer.getId();
    return new Invalidation(
        kind, account, id, customer.getEmail(), customer.getExternalId(), customer.getPublicId());
  }
}
