package org.customerfacade.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Set;
import org.customerfacade.gateway.consumer.AuthenticationFailure;
import org.customerfacade.gateway.consumer.ConsumerAuthenticationException;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;

class ProblemMapperTest {

  private final MockServerHttpRequest request = MockServerHttpRequest.get("/customer/1").build();

  private final ProblemMapper mapper = new ProblemMapper(httpClientProperties());

  @Test
  void connectTimeoutIsGatewayTimeout() {
    ProblemResponse response =
        mapper.map(new ConnectTimeoutException("connection timed out"), request);

    assertThat(response.status().value()).isEqualTo(504);
    assertThat(response.body().detail()).contains("did not accept a connection within 1500 ms");
    assertThat(ProblemMapper.isUpstreamFailure(response)).isTrue();
  }

  @Test
  void wrappedConnectExceptionIsBadGateway() {
    Exception error = new IllegalStateException("wrapper", new ConnectException("refused"));

    ProblemResponse response = mapper.map(error, request);

    assertThat(response.status().value()).isEqualTo(502);
    assertThat(response.body().title()).isEqualTo("Bad Gateway");
    assertThat(response.body().detail()).contains("facade service is unavailable");
  }

  @Test
  void brokenConnectionIsBadGateway() {
    ProblemResponse response =
        mapper.map(new IOException("Connection prematurely closed"), request);

    assertThat(response.status().value()).isEqualTo(502);
    assertThat(response.body().detail()).contains("failed before it sent a complete response");
  }

  @Test
  void responseTimeoutNamesConfiguredDuration() {
    ResponseStatusException error = new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT);

    ProblemResponse response = mapper.map(error, request);

    assertThat(response.status().value()).isEqualTo(504);
    assertThat(response.body().detail()).contains("did not respond within 750 ms");
  }

  @Test
  void authenticationFailureKeepsChallenge() {
    ConsumerAuthenticationException error =
        new ConsumerAuthenticationException(AuthenticationFailure.UNKNOWN_TOKEN);

    ProblemResponse response = mapper.map(error, request);

    assertThat(response.status().value()).isEqualTo(401);
    assertThat(response.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer ");
    assertThat(response.body().detail()).isEqualTo(AuthenticationFailure.UNKNOWN_TOKEN.detail());
  }

  @Test
  void otherErrorResponseKeepsStatusAndHeaders() {
    MethodNotAllowedException error =
        new MethodNotAllowedException(HttpMethod.TRACE, Set.of(HttpMethod.GET));

    ProblemResponse response = mapper.map(error, request);

    assertThat(response.status().value()).isEqualTo(405);
    assertThat(response.headers().getFirst(HttpHeaders.ALLOW)).isEqualTo("GET");
    assertThat(response.body().title()).isEqualTo("Method Not Allowed");
  }

  @Test
  void unexpectedErrorIsInternalServerError() {
    ProblemResponse response = mapper.map(new IllegalArgumentException("bug"), request);

    assertThat(response.status().value()).isEqualTo(500);
    assertThat(response.body().detail()).doesNotContain("bug");
    assertThat(ProblemMapper.isUpstreamFailure(response)).isFalse();
  }

  private static HttpClientProperties httpClientProperties() {
    HttpClientProperties properties = new HttpClientProperties();
    properties.setConnectTimeout(1500);
    properties.setResponseTimeout(Duration.ofMillis(750));
    return properties;
  }
}
