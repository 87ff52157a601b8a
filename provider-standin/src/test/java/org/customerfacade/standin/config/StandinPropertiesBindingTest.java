package org.customerfacade.standin.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class StandinPropertiesBindingTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(PropertiesConfiguration.class)
          .withPropertyValues(
              "standin.instances.eu.api-keys[0]=key",
              "standin.instances.eu.endpoints[0].name=eu-1",
              "standin.instances.eu.endpoints[0].port=9001",
              "standin.instances.eu.custom-fields[0].name=cf_tier",
              "standin.instances.eu.custom-fields[0].type=choice",
              "standin.instances.eu.custom-fields[0].options=bronze,gold",
              "standin.instances.eu.seed-customers[0].custom-fields.cf_tier=gold");

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(StandinProperties.class)
  @Import(StandinConfiguration.class)
  static class PropertiesConfiguration {}

  @Test
  void validConfigurationBinds() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          StandinProperties properties = context.getBean(StandinProperties.class);
          assertThat(properties.getBindAddress()).isEqualTo("127.0.0.1");
          assertThat(properties.getInstances().get("eu").getIdStart()).isEqualTo(1);
        });
  }

  @Test
  void portOutOfRangeFailsStartUp() {
    runner
        .withPropertyValues("standin.instances.eu.endpoints[0].port=70000")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("instances[eu].endpoints[0].port")
                    .hasMessageContaining("rejected value [70000]")
                    .hasMessageContaining("must be between 0 and 65535"));
  }

  @Test
  void customFieldWithoutPrefixFailsStartUp() {
    runner
        .withPropertyValues("standin.instances.eu.custom-fields[0].name=tier")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("instances[eu].customFields[0].name")
                    .hasMessageContaining("rejected value [tier]")
                    .hasMessageContaining("must start with cf_"));
  }

  @Test
  void duplicateEndpointNameFailsStartUp() {
    runner
        .withPropertyValues(
            "standin.instances.us.api-keys[0]=other",
            "standin.instances.us.endpoints[0].name=eu-1",
            "standin.instances.us.endpoints[0].port=0")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("standin.instances.us.endpoints[0].name must be unique")
                    .hasMessageContaining("'eu-1'"));
  }

  @Test
  void missingApiKeysFailStartUp() {
    runner
        .withPropertyValues("standin.instances.eu.api-keys=")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("instances[eu].apiKeys")
                    .hasMessageContaining("must list at least one API key"));
  }
}
