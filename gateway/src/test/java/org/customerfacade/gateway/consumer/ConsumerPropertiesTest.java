package org.customerfacade.gateway.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class ConsumerPropertiesTest {

  private static final String DEMO_APP_HASH =
      "8e612af9812583ae043042385f95e40c445e314911b8146ffeadbcbe34ebb399";

  private static final String US_REPORTING_HASH =
      "4940e0c8d9737c427de40950e992d7da3a410783a8bf5df93a2d70af786cc491";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(ConsumerConfiguration.class);

  @Test
  void validConsumersBindAndResolveTokens() {
    runner
        .withPropertyValues(
            "edge.consumers[0].id=demo-app",
            "edge.consumers[0].token-sha256=" + DEMO_APP_HASH,
            "edge.consumers[1].id=us-reporting",
            "edge.consumers[1].token-sha256=" + US_REPORTING_HASH)
        .run(
            context -> {
              ConsumerRegistry registry = context.getBean(ConsumerRegistry.class);

              assertThat(registry.findConsumerId("demo-app-local-token")).contains("demo-app");
              assertThat(registry.findConsumerId("us-reporting-local-token"))
                  .contains("us-reporting");
            });
  }

  @Test
  void malformedHashFailsStartup() {
    String uppercase = DEMO_APP_HASH.toUpperCase();

    runner
        .withPropertyValues(
            "edge.consumers[0].id=demo-app", "edge.consumers[0].token-sha256=" + uppercase)
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(failureMessages(context.getStartupFailure()))
                  .contains("consumers[0].tokenSha256")
                  .contains("edge.consumers[].token-sha256 must be exactly 64 lowercase hex")
                  .contains(uppercase);
            });
  }

  @Test
  void shortHashFailsStartup() {
    runner
        .withPropertyValues(
            "edge.consumers[0].id=demo-app", "edge.consumers[0].token-sha256=abc123")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(failureMessages(context.getStartupFailure()))
                  .contains("edge.consumers[].token-sha256 must be exactly 64")
                  .contains("'abc123'");
            });
  }

  @Test
  void blankIdFailsStartup() {
    runner
        .withPropertyValues(
            "edge.consumers[0].id= ", "edge.consumers[0].token-sha256=" + DEMO_APP_HASH)
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(failureMessages(context.getStartupFailure()))
                  .contains("consumers[0].id")
                  .contains("edge.consumers[].id must not be blank");
            });
  }

  @Test
  void duplicateIdFailsStartup() {
    runner
        .withPropertyValues(
            "edge.consumers[0].id=demo-app",
            "edge.consumers[0].token-sha256=" + DEMO_APP_HASH,
            "edge.consumers[1].id=demo-app",
            "edge.consumers[1].token-sha256=" + US_REPORTING_HASH)
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(failureMessages(context.getStartupFailure()))
                  .contains(
                      "edge.consumers[1].id must be unique, but 'demo-app' is already the id of"
                          + " edge.consumers[0]");
            });
  }

  @Test
  void emptyListFailsStartup() {
    runner.run(
        context -> {
          assertThat(context).hasFailed();
          assertThat(failureMessages(context.getStartupFailure()))
              .contains("edge.consumers must list at least one consumer");
        });
  }

  @Test
  void environmentVariablesReplaceList() {
    Map<String, Object> environment =
        Map.of(
            "EDGE_CONSUMERS_0_ID",
            "ops-console",
            "EDGE_CONSUMERS_0_TOKEN_SHA256",
            US_REPORTING_HASH);

    runner
        .withPropertyValues(
            "edge.consumers[0].id=demo-app",
            "edge.consumers[0].token-sha256=" + DEMO_APP_HASH,
            "edge.consumers[1].id=us-reporting",
            "edge.consumers[1].token-sha256=" + US_REPORTING_HASH)
        .withInitializer(
            context ->
                context
                    .getEnvironment()
                    .getPropertySources()
                    .addFirst(
                        new SystemEnvironmentPropertySource(
                            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            environment)))
        .run(
            context -> {
              ConsumerProperties properties = context.getBean(ConsumerProperties.class);
              ConsumerRegistry registry = context.getBean(ConsumerRegistry.class);

              assertThat(properties.getConsumers())
                  .extracting(ConsumerProperties.Consumer::getId)
                  .containsExactly("ops-console");
              assertThat(registry.findConsumerId("us-reporting-local-token"))
                  .contains("ops-console");
              assertThat(registry.findConsumerId("demo-app-local-token")).isEmpty();
            });
  }

  /** Joins the messages of the failure and all its causes, where Boot puts the binding errors. */
  private static String failureMessages(Throwable failure) {
    StringBuilder messages = new StringBuilder();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      messages.append(cause.getMessage()).append('\n');
    }
    return messages.toString();
  }
}
