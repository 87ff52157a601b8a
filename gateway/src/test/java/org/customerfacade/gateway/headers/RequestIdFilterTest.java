package org.customerfacade.gateway.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class RequestIdFilterTest {

  private final RequestIdFilter filter = new RequestIdFilter(() -> "generated-id");

  private final AtomicReference<ServerWebExchange> forwarded = new AtomicReference<>();

  private final WebFilterChain chain =
      exchange -> {
        forwarded.set(exchange);
        return Mono.empty();
      };

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "abc-123",
        "A.b_C-9",
        "0123456789012345678901234567890123456789012345678901234567890123"
      })
  void acceptsWellFormedIds(String requestId) {
    assertThat(RequestIdFilter.isWellFormed(requestId)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "has space",
        "comma,separated",
        "slash/inside",
        "01234567890123456789012345678901234567890123456789012345678901234"
      })
  void rejectsMalformedIds(String requestId) {
    assertThat(RequestIdFilter.isWellFormed(requestId)).isFalse();
  }

  @Test
  void keepsWellFormedId() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.get("/customer/1").header("X-Request-Id", "caller-id"));

    StepVerifier.create(filter.filter(exchange, chain)).verifyComplete();

    assertThat(RequestIdFilter.requestId(exchange)).isEqualTo("caller-id");
    assertThat(forwarded.get().getRequest().getHeaders().getFirst("X-Request-Id"))
        .isEqualTo("caller-id");
  }

  @Test
  void replacesSeveralIds() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.get("/customer/1").header("X-Request-Id", "one", "two"));

    StepVerifier.create(filter.filter(exchange, chain)).verifyComplete();

    assertThat(forwarded.get().getRequest().getHeaders().get("X-Request-Id"))
        .containsExactly("generated-id");
  }

  @Test
  void setsIdOnCommittedResponse() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.get("/customer/1"));

    StepVerifier.create(filter.filter(exchange, chain).then(exchange.getResponse().setComplete()))
        .verifyComplete();

    assertThat(exchange.getResponse().getHeaders().get("X-Request-Id"))
        .containsExactly("generated-id");
  }
}
