package org.customerfacade.gateway.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ConsumerAuthenticationFilterTest {

  private final ConsumerAuthenticationFilter filter =
      new ConsumerAuthenticationFilter(registryOf("demo-app", "demo-app-local-token"));

  private final AtomicReference<ServerWebExchange> forwarded = new AtomicReference<>();

  private final GatewayFilterChain chain =
      exchange -> {
        forwarded.set(exchange);
        return Mono.empty();
      };

  @Test
  void validTokenStoresConsumerId() {
    MockServerWebExchange exchange = exchangeWith("Bearer demo-app-local-token");

    StepVerifier.create(filter.filter(exchange, chain)).verifyComplete();

    assertThat(forwarded.get()).isNotNull();
    assertThat((String) exchange.getAttribute(ConsumerAuthenticationFilter.CONSUMER_ID_ATTRIBUTE))
        .isEqualTo("demo-app");
  }

  @Test
  void unknownTokenEmitsError() {
    MockServerWebExchange exchange = exchangeWith("Bearer some-other-token");

    StepVerifier.create(filter.filter(exchange, chain))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOfSatisfying(
                        ConsumerAuthenticationException.class,
                        e ->
                            assertThat(e.failure()).isEqualTo(AuthenticationFailure.UNKNOWN_TOKEN)))
        .verify();

    assertThat(forwarded.get()).isNull();
  }

  @Test
  void missingHeaderEmitsErrorWithChallenge() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.get("/customer/1"));

    StepVerifier.create(filter.filter(exchange, chain))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOfSatisfying(
                        ConsumerAuthenticationException.class,
                        e ->
                            assertThat(e.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                                .startsWith("Bearer ")))
        .verify();

    assertThat(forwarded.get()).isNull();
  }

  private static MockServerWebExchange exchangeWith(String authorization) {
    return MockServerWebExchange.from(
        MockServerHttpRequest.get("/customer/1").header(HttpHeaders.AUTHORIZATION, authorization));
  }

  private static ConsumerRegistry registryOf(String id, String token) {
    ConsumerProperties.Consumer consumer = new ConsumerProperties.Consumer();
    consumer.setId(id);
    consumer.setTokenSha256(HexFormat.of().formatHex(ConsumerRegistry.sha256(token)));
    ConsumerProperties properties = new ConsumerProperties();
    properties.setConsumers(List.of(consumer));
    return new ConsumerRegistry(properties);
  }
}
