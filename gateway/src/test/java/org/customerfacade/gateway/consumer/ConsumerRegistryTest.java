package org.customerfacade.gateway.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsumerRegistryTest {

  @Test
  void sha256MatchesKnownDigest() {
    // Digest of "demo-app-local-token" computed with: printf %s demo-app-local-token | sha256sum
    String expected = "8e612af9812583ae043042385f95e40c445e314911b8146ffeadbcbe34ebb399";

    String actual = HexFormat.of().formatHex(ConsumerRegistry.sha256("demo-app-local-token"));

    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void findsConsumerOfToken() {
    ConsumerRegistry registry = registryOf("first", "token-one", "second", "token-two");

    assertThat(registry.findConsumerId("token-one")).contains("first");
    assertThat(registry.findConsumerId("token-two")).contains("second");
  }

  @Test
  void unknownTokenFindsNothing() {
    ConsumerRegistry registry = registryOf("first", "token-one", "second", "token-two");

    assertThat(registry.findConsumerId("token-three")).isEmpty();
    assertThat(registry.findConsumerId("")).isEmpty();
  }

  private static ConsumerRegistry registryOf(String... idsAndTokens) {
    ConsumerProperties properties = new ConsumerProperties();
    List<ConsumerProperties.Consumer> consumers = new java.util.ArrayList<>();
    for (int i = 0; i < idsAndTokens.length; i += 2) {
      ConsumerProperties.Consumer consumer = new ConsumerProperties.Consumer();
      consumer.setId(idsAndTokens[i]);
      consumer.setTokenSha256(
          HexFormat.of().formatHex(ConsumerRegistry.sha256(idsAndTokens[i + 1])));
      consumers.add(consumer);
    }
    properties.setConsumers(consumers);
    return new ConsumerRegistry(properties);
  }
}
