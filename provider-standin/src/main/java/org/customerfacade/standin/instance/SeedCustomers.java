package org.customerfacade.standin.instance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.customerfacade.standin.config.StandinProperties.SeedCustomerOptions;
import org.customerfacade.standin.customer.CustomerDetails;
import org.customerfacade.standin.customer.CustomerDraft;
import org.customerfacade.standin.customfield.CustomFieldCatalog;

/** Converts seed customers from the configuration into drafts for the store. */
final class SeedCustomers {

  private SeedCustomers() {}

  static List<CustomerDraft> toDrafts(List<SeedCustomerOptions> seeds, CustomFieldCatalog fields) {
    return seeds.stream().map(seed -> toDraft(seed, fields)).toList();
  }

  private static CustomerDraft toDraft(SeedCustomerOptions seed, CustomFieldCatalog fields) {
    CustomerDetails details =
        new CustomerDetails(
            seed.getFirstName(),
            seed.getLastName(),
            seed.getEmail(),
            null,
            null,
            null,
            seed.getCity(),
            null,
            null,
            null,
            seed.getCountry(),
            seed.getDateOfBirth(),
            seed.getGender(),
            seed.getExternalId(),
            seed.isAllowEmail(),
            false,
            false,
            null,
            null,
            null);
    return new CustomerDraft(details, customFieldsOf(seed, fields), Set.of());
  }

  /** Converts text values; the properties validator has already rejected invalid ones. */
  private static Map<String, Object> customFieldsOf(
      SeedCustomerOptions seed, CustomFieldCatalog fields) {
    Map<String, Object> values = new HashMap<>();
    seed.getCustomFields()
        .forEach(
            (name, text) ->
                fields
                    .find(name)
                    .flatMap(definition -> definition.parse(text))
                    .ifPresent(value -> values.put(name, value)));
    return values;
  }
}
