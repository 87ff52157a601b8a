package org.customerfacade.standin.customer;

import java.util.Map;
import java.util.Set;

/** A validated create request: what the store needs to add a customer. */
public record CustomerDraft(
    CustomerDetails details, Map<String, Object> customFields, Set<Long> acceptedPolicyIds) {}
