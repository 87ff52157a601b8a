package org.customerfacade.standin.config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.customerfacade.standin.config.StandinProperties.CustomFieldOptions;
import org.customerfacade.standin.config.StandinProperties.EndpointOptions;
import org.customerfacade.standin.config.StandinProperties.InstanceOptions;
import org.customerfacade.standin.config.StandinProperties.SeedCustomerOptions;
import org.customerfacade.standin.customfield.CustomFieldDefinition;
import org.customerfacade.standin.customfield.CustomFieldType;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks the rules of {@link StandinProperties} that span several entries: endpoint names unique
 * across instances, non-zero ports unique, custom field names unique per instance, choice fields
 * with options, and seed customers' custom fields defined and of the right type. Each message names
 * the property, the rule and the value.
 */
public class StandinPropertiesValidator implements Validator {

  private static final String PREFIX = StandinProperties.PREFIX + ".instances.";

  @Override
  public boolean supports(Class<?> type) {
    return StandinProperties.class.isAssignableFrom(type);
  }

  @Override
  public void validate(Object target, Errors errors) {
    StandinProperties properties = (StandinProperties) target;
    checkEndpoints(properties.getInstances(), errors);
    properties
        .getInstances()
        .forEach(
            (name, instance) -> {
              checkCustomFields(name, instance.getCustomFields(), errors);
              checkSeedCustomers(name, instance, errors);
            });
  }

  private static void checkEndpoints(Map<String, InstanceOptions> instances, Errors errors) {
    Map<String, String> propertyByName = new HashMap<>();
    Map<Integer, String> propertyByPort = new HashMap<>();
    instances.forEach(
        (instanceName, instance) -> {
          List<EndpointOptions> endpoints = instance.getEndpoints();
          for (int index = 0; index < endpoints.size(); index++) {
            EndpointOptions endpoint = endpoints.get(index);
            String property = PREFIX + instanceName + ".endpoints[" + index + "]";
            checkUniqueName(endpoint, property, propertyByName, errors);
            checkUniquePort(endpoint, property, propertyByPort, errors);
          }
        });
  }

  private static void checkUniqueName(
      EndpointOptions endpoint,
      String property,
      Map<String, String> propertyByName,
      Errors errors) {
    if (endpoint.getName() == null) {
      return;
    }
    String previous = propertyByName.putIfAbsent(endpoint.getName(), property);
    if (previous != null) {
      errors.reject(
          "standin.endpoint.name.duplicate",
          property
              + ".name must be unique across instances, but '"
              + endpoint.getName()
              + "' is also the name of "
              + previous);
    }
  }

  private static void checkUniquePort(
      EndpointOptions endpoint,
      String property,
      Map<Integer, String> propertyByPort,
      Errors errors) {
    if (endpoint.getPort() == 0) {
      return;
    }
    String previous = propertyByPort.putIfAbsent(endpoint.getPort(), property);
    if (previous != null) {
      errors.reject(
          "standin.endpoint.port.duplicate",
          property
              + ".port must be unique unless it is 0, but "
              + endpoint.getPort()
              + " is also the port of "
              + previous);
    }
  }

  private static void checkCustomFields(
      String instanceName, List<CustomFieldOptions> fields, Errors errors) {
    Set<String> names = new HashSet<>();
    for (int index = 0; index < fields.size(); index++) {
      CustomFieldOptions field = fields.get(index);
      String property = PREFIX + instanceName + ".custom-fields[" + index + "]";
      if (field.getName() != null && !names.add(field.getName())) {
        errors.reject(
            "standin.custom-field.name.duplicate",
            property + ".name must be unique, but '" + field.getName() + "' is defined twice");
      }
      if (field.getType() == CustomFieldType.CHOICE && field.getOptions().isEmpty()) {
        errors.reject(
            "standin.custom-field.options.missing",
            property
                + ".options must list at least one option for a choice field, but '"
                + field.getName()
                + "' has none");
      }
    }
  }

  private static void checkSeedCustomers(
      String instanceName, InstanceOptions instance, Errors errors) {
    Map<String, CustomFieldDefinition> definitions = new HashMap<>();
    for (CustomFieldOptions field : instance.getCustomFields()) {
      if (field.getName() != null && field.getType() != null) {
        definitions.put(
            field.getName(),
            new CustomFieldDefinition(field.getName(), field.getType(), field.getOptions()));
      }
    }
    List<SeedCustomerOptions> seeds = instance.getSeedCustomers();
    for (int index = 0; index < seeds.size(); index++) {
      String property = PREFIX + instanceName + ".seed-customers[" + index + "].custom-fields";
      seeds
          .get(index)
          .getCustomFields()
          .forEach((name, text) -> checkSeedValue(property, name, text, definitions, errors));
    }
  }

  private static void checkSeedValue(
      String property,
      String name,
      String text,
      Map<String, CustomFieldDefinition> definitions,
      Errors errors) {
    CustomFieldDefinition definition = definitions.get(name);
    if (definition == null) {
      errors.reject(
          "standin.seed.custom-field.undefined",
          property + "." + name + " must be a custom field defined for the instance, but is not");
      return;
    }
    if (definition.parse(text).isEmpty()) {
      errors.reject(
          "standin.seed.custom-field.invalid",
          property
              + "."
              + name
              + " must be a valid "
              + definition.type().name().toLowerCase(Locale.ROOT)
              + " value, but was '"
              + text
              + "'");
    }
  }
}
