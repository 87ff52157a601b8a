package org.customerfacade.support.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

class ManagementTokenFilterTest {

  private static final String PROPERTY = "test.admin.token-sha256";

  /** Token whose SHA-256 is {@link #TOKEN_SHA256}. */
  private static final String TOKEN = "demo-admin-local-token";

  private static final String TOKEN_SHA256 =
      "919bcb20b97a8084c9c5bcf131561d7c7756066aa2fddb2d87c17d4a2381c917";

  private final ManagementTokenFilter filter =
      new ManagementTokenFilter(PROPERTY, "test-admin", TOKEN_SHA256);

  private final AtomicBoolean passed = new AtomicBoolean();

  private final WebFilterChain chain =
      exchange -> {
        passed.set(true);
        return Mono.empty();
      };

  @Test
  void healthPassesWithoutToken() {
    MockServerWebExchange exchange = get("/actuator/health/liveness", null);

    filter.filter(exchange, chain).block();

    assertThat(passed).isTrue();
    assertThat(exchange.getResponse().getStatusCode()).isNull();
  }

  @Test
  void pathsOutsideActuatorPass() {
    MockServerWebExchange exchange = get("/customer/1", null);

    filter.filter(exchange, chain).block();

    assertThat(passed).isTrue();
  }

  @Test
  void missingTokenGetsProblem() {
    MockServerWebExchange exchange = get("/actuator/prometheus", null);

    filter.filter(exchange, chain).block();

    assertThat(passed).isFalse();
    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(exchange.getResponse().getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
        .isEqualTo("Bearer realm=\"test-admin\"");
    assertThat(exchange.getResponse().getBodyAsString().block())
        .contains("\"status\":401")
        .contains("Authorization: Bearer <token>");
  }

  @Test
  void wrongTokenIsRejected() {
    MockServerWebExchange exchange = get("/actuator", "Bearer not-the-token");

    filter.filter(exchange, chain).block();

    assertThat(passed).isFalse();
    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(exchange.getResponse().getBodyAsString().block())
        .contains("not the operators' token")
        .doesNotContain("not-the-token");
  }

  @Test
  void rightTokenPasses() {
    MockServerWebExchange exchange = get("/actuator/prometheus", "bearer " + TOKEN);

    filter.filter(exchange, chain).block();

    assertThat(passed).isTrue();
    assertThat(exchange.getResponse().getStatusCode()).isNull();
  }

  @Test
  void emptyHashRejectsEveryGuardedCall() {
    ManagementTokenFilter disabled = new ManagementTokenFilter(PROPERTY, "test-admin", "");
    MockServerWebExchange exchange = get("/actuator/info", "Bearer " + TOKEN);

    disabled.filter(exchange, chain).block();

    assertThat(passed).isFalse();
    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(exchange.getResponse().getBodyAsString().block()).contains(PROPERTY);
  }

  @Test
  void malformedHashFailsWithoutEchoingIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ManagementTokenFilter(PROPERTY, "test-admin", TOKEN))
        .withMessageContaining(PROPERTY)
        .withMessageContaining("64 lowercase hex digits")
        .withMessageNotContaining(TOKEN);
  }

  private static MockServerWebExchange get(String path, String authorization) {
    MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get(path);
    if (authorization != null) {
      request.header(HttpHeaders.AUTHORIZATION, authorization);
    }
    return MockServerWebExchange.from(request);
  }
}
