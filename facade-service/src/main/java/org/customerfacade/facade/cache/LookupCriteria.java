package org.customerfacade.facade.cache;

import java.util.Locale;
import java.util.UUID;
import org.customerfacade.server.model.Customer;
import org.jspecify.annotations.Nullable;

/**
 * The criteria of a find request. The provider compares email ignoring case, so the email is kept
 * lower-cased and two requests that differ only in its case share one cache entry.
 */
public record LookupCriteria(
    @Nullable String email, @Nullable String externalId, @Nullable UUID publicId) {

  public LookupCriteria {
    email = email == null ? null : email.toLowerCase(Locale.ROOT);
  }

  /** Returns whether the customer satisfies every given criterion. */
  boolean matches(Customer customer) {
    return (email == null || email.equalsIgnoreCase(customer.getEmail()))
        && (externalId == null || externalId.equals(customer.getExternalId()))
        && (publicId == null || publicId.equals(customer.getPublicId()));
  }
}
