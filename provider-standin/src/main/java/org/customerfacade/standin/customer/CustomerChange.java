package org.customerfacade.standin.customer;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.customerfacade.server.model.CustomerUpdate;

/**
 * A validated update request. Custom fields are merged: a value replaces the stored one, and a JSON
 * null removes it so that the field reads as its default again.
 */
public record CustomerChange(
    CustomerUpdate update, Map<String, Object> customFields, Set<Long> acceptedPolicyIds) {

  /** Returns the customer after this change, modified at {@code now}. */
  public CustomerRecord applyTo(CustomerRecord current, LocalDateTime now) {
    Map<String, Object> mergedFields = new HashMap<>(current.customFields());
    customFields.forEach(
        (name, value) -> {
          if (value == null) {
            mergedFields.remove(name);
          } else {
            mergedFields.put(name, value);
          }
        });

    Set<Long> policies = new HashSet<>(current.acceptedPolicyIds());
    policies.addAll(acceptedPolicyIds);

    return new CustomerRecord(
        current.id(),
        current.publicId(),
        current.created(),
        now,
        current.details().merge(update),
        mergedFields,
        policies);
  }
}
