package org.customerfacade.standin.instance;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.customerfacade.standin.config.StandinProperties;
import org.customerfacade.standin.config.StandinProperties.CustomFieldOptions;
import org.customerfacade.standin.config.StandinProperties.InstanceOptions;
import org.customerfacade.standin.customer.CustomerStore;
import org.customerfacade.standin.customfield.CustomFieldCatalog;
import org.customerfacade.standin.customfield.CustomFieldDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The instances built from {@code standin.instances}, by name. */
@Component
public class InstanceRegistry {

  private static final Logger log = LoggerFactory.getLogger(InstanceRegistry.class);

  private final Map<String, Instance> instances = new LinkedHashMap<>();

  public InstanceRegistry(StandinProperties properties, Clock clock) {
    properties
        .getInstances()
        .forEach((name, options) -> instances.put(name, createInstance(name, options, clock)));
  }

  public Optional<Instance> find(String name) {
    return Optional.ofNullable(instances.get(name));
  }

  public Collection<Instance> all() {
    return instances.values();
  }

  private static Instance createInstance(String name, InstanceOptions options, Clock clock) {
    CustomFieldCatalog fields = new CustomFieldCatalog(definitionsOf(options.getCustomFields()));
    CustomerStore store =
        new CustomerStore(
            name,
            options.getIdStart(),
            SeedCustomers.toDrafts(options.getSeedCustomers(), fields),
            clock);

    log.info(
        "Instance '{}' has {} custom fields and {} seed customers",
        name,
        fields.definitions().size(),
        options.getSeedCustomers().size());
    return new Instance(
        name, options.getApiKeys(), fields, new HashSet<>(options.getPolicyIds()), store);
  }

  private static List<CustomFieldDefinition> definitionsOf(List<CustomFieldOptions> options) {
    return options.stream()
        .map(
            field ->
                new CustomFieldDefinition(field.getName(), field.getType(), field.getOptions()))
        .toList();
  }
}
