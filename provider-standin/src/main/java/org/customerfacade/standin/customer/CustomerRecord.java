package org.customerfacade.standin.customer;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A stored customer. Timestamps are UTC with seconds precision. {@code customFields} contains only
 * the values that were set, and accepted policy ids are kept but never returned.
 */
public record CustomerRecord(
    long id,
    UUID publicId,
    LocalDateTime created,
    LocalDateTime modified,
    CustomerDetails details,
    Map<String, Object> customFields,
    Set<Long> acceptedPolicyIds) {

  public CustomerRecord {
    customFields = Map.copyOf(customFields);
    acceptedPolicyIds = Set.copyOf(acceptedPolicyIds);
  }
}
