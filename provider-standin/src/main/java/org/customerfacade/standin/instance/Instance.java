package org.customerfacade.standin.instance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import org.customerfacade.standin.customer.CustomerStore;
import org.customerfacade.standin.customfield.CustomFieldCatalog;

/** One provider instance, such as eu: its API keys, custom fields, policies and customers. */
public final class Instance {

  private final String name;

  private final List<byte[]> apiKeys;

  private final CustomFieldCatalog customFields;

  private final Set<Long> policyIds;

  private final CustomerStore customers;

  public Instance(
      String name,
      List<String> apiKeys,
      CustomFieldCatalog customFields,
      Set<Long> policyIds,
      CustomerStore customers) {
    this.name = name;
    this.apiKeys = apiKeys.stream().map(key -> key.getBytes(StandardCharsets.UTF_8)).toList();
    this.customFields = customFields;
    this.policyIds = Set.copyOf(policyIds);
    this.customers = customers;
  }

  public String name() {
    return name;
  }

  /** Checks a key against every key of this instance in time that does not depend on content. */
  public boolean acceptsApiKey(String candidate) {
    byte[] candidateBytes = candidate.getBytes(StandardCharsets.UTF_8);
    boolean accepted = false;
    for (byte[] key : apiKeys) {
      accepted |= MessageDigest.isEqual(key, candidateBytes);
    }
    return accepted;
  }

  public CustomFieldCatalog customFields() {
    return customFields;
  }

  public Set<Long> policyIds() {
    return policyIds;
  }

  public CustomerStore customers() {
    return customers;
  }
}
