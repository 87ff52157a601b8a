package org.customerfacade.standin.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.customerfacade.standin.config.StandinProperties.CustomFieldOptions;
import org.customerfacade.standin.config.StandinProperties.EndpointOptions;
import org.customerfacade.standin.config.StandinProperties.InstanceOptions;
import org.customerfacade.standin.config.StandinProperties.SeedCustomerOptions;
import org.customerfacade.standin.customfield.CustomFieldType;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.ObjectError;

class StandinPropertiesValidatorTest {

  private final StandinPropertiesValidator validator = new StandinPropertiesValidator();

  @Test
  void validPropertiesHaveNoErrors() {
    StandinProperties properties =
        properties(instance(endpoint("eu-1", 9001)), instance(endpoint("us-1", 9011)));

    assertThat(messagesOf(properties)).isEmpty();
  }

  @Test
  void duplicateEndpointNameIsRejected() {
    StandinProperties properties =
        properties(instance(endpoint("eu-1", 9001)), instance(endpoint("eu-1", 9011)));

    assertThat(messagesOf(properties))
        .containsExactly(
            "standin.instances.second.endpoints[0].name must be unique across instances, but"
                + " 'eu-1' is also the name of standin.instances.first.endpoints[0]");
  }

  @Test
  void duplicatePortIsRejected() {
    StandinProperties properties =
        properties(instance(endpoint("eu-1", 9001)), instance(endpoint("us-1", 9001)));

    assertThat(messagesOf(properties))
        .singleElement()
        .asString()
        .contains("standin.instances.second.endpoints[0].port", "unique", "9001");
  }

  @Test
  void severalZeroPortsAreAllowed() {
    StandinProperties properties =
        properties(
            instance(endpoint("eu-1", 0), endpoint("eu-2", 0)), instance(endpoint("us-1", 0)));

    assertThat(messagesOf(properties)).isEmpty();
  }

  @Test
  void choiceFieldWithoutOptionsIsRejected() {
    InstanceOptions instance = instance(endpoint("eu-1", 0));
    instance.setCustomFields(List.of(field("cf_tier", CustomFieldType.CHOICE)));

    assertThat(messagesOf(properties(instance)))
        .singleElement()
        .asString()
        .contains("standin.instances.first.custom-fields[0].options", "cf_tier");
  }

  @Test
  void duplicateCustomFieldIsRejected() {
    InstanceOptions instance = instance(endpoint("eu-1", 0));
    instance.setCustomFields(
        List.of(field("cf_note", CustomFieldType.TEXT), field("cf_note", CustomFieldType.DATE)));

    assertThat(messagesOf(properties(instance)))
        .singleElement()
        .asString()
        .contains("custom-fields[1].name must be unique", "cf_note");
  }

  @Test
  void seedWithUndefinedCustomFieldIsRejected() {
    InstanceOptions instance = instance(endpoint("eu-1", 0));
    instance.setSeedCustomers(List.of(seed(Map.of("cf_missing", "x"))));

    assertThat(messagesOf(properties(instance)))
        .singleElement()
        .asString()
        .contains("seed-customers[0].custom-fields.cf_missing", "defined");
  }

  @Test
  void seedWithValueOfWrongTypeIsRejected() {
    InstanceOptions instance = instance(endpoint("eu-1", 0));
    instance.setCustomFields(List.of(field("cf_size", CustomFieldType.NUMBER)));
    instance.setSeedCustomers(List.of(seed(Map.of("cf_size", "large"))));

    assertThat(messagesOf(properties(instance)))
        .singleElement()
        .asString()
        .contains("seed-customers[0].custom-fields.cf_size", "number", "'large'");
  }

  private List<String> messagesOf(StandinProperties properties) {
    Errors errors = new BeanPropertyBindingResult(properties, "standin");
    validator.validate(properties, errors);
    return errors.getAllErrors().stream().map(ObjectError::getDefaultMessage).toList();
  }

  private static StandinProperties properties(InstanceOptions... instances) {
    StandinProperties properties = new StandinProperties();
    List<String> names = List.of("first", "second", "third");
    for (int index = 0; index < instances.length; index++) {
      properties.getInstances().put(names.get(index), instances[index]);
    }
    return properties;
  }

  private static InstanceOptions instance(EndpointOptions... endpoints) {
    InstanceOptions instance = new InstanceOptions();
    instance.setApiKeys(List.of("key"));
    instance.setEndpoints(List.of(endpoints));
    return instance;
  }

  private static EndpointOptions endpoint(String name, int port) {
    EndpointOptions endpoint = new EndpointOptions();
    endpoint.setName(name);
    endpoint.setPort(port);
    return endpoint;
  }

  private static CustomFieldOptions field(String name, CustomFieldType type) {
    CustomFieldOptions field = new CustomFieldOptions();
    field.setName(name);
    field.setType(type);
    return field;
  }

  private static SeedCustomerOptions seed(Map<String, String> customFields) {
    SeedCustomerOptions seed = new SeedCustomerOptions();
    seed.setCustomFields(customFields);
    return seed;
  }
}
