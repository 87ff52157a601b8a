package org.customerfacade.standin.customer;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Lookup criteria; a customer matches when it matches every criterion that is set. */
public record CustomerQuery(
    @Nullable String email, @Nullable String externalId, @Nullable UUID publicId) {

  public boolean isEmpty() {
    return email == null && externalId == null && publicId == null;
  }

  public boolean matches(CustomerRecord customer) {
    CustomerDetails details = customer.details();
    boolean emailMatches = email == null || email.equalsIgnoreCase(details.email());
    boolean externalIdMatches = externalId == null || externalId.equals(details.externalId());
    boolean publicIdMatches = publicId == null || publicId.equals(customer.publicId());
    return emailMatches && externalIdMatches && publicIdMatches;
  }
}
