package org.customerfacade.facade.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.customerfacade.facade.routing.UpstreamEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.netty.channel.AbortedException;

class UpstreamFailureTest {

  private static final UpstreamEndpoint ENDPOINT =
      new UpstreamEndpoint("eu-production-1", URI.create("http://127.0.0.1:1"));

  @Test
  void refusedConnectionRetriesCreate() {
    UpstreamFailure failure = classify(requestFailure(new ConnectException("refused")));

    assertThat(failure.kind()).isEqualTo(UpstreamFailure.Kind.CONNECT_FAILED);
    assertThat(failure.retryable(Operation.CREATE)).isTrue();
    assertThat(failure.allowsFailover(Operation.CREATE)).isTrue();
  }

  @Test
  void brokenConnectionDoesNotRetryCreate() {
    UpstreamFailure failure = classify(requestFailure(new AbortedException("reset")));

    assertThat(failure.kind()).isEqualTo(UpstreamFailure.Kind.TRANSPORT_ERROR);
    assertThat(failure.retryable(Operation.CREATE)).isFalse();
    assertThat(failure.retryable(Operation.UPDATE)).isTrue();
  }

  @Test
  void gatewayStatusesRetrySafeOperations() {
    for (int status : new int[] {502, 503, 504}) {
      UpstreamFailure failure = classify(response(status));

      assertThat(failure.retryable(Operation.RETRIEVE)).as("status %d", status).isTrue();
      assertThat(failure.retryable(Operation.DELETE)).as("status %d", status).isTrue();
      assertThat(failure.retryable(Operation.CREATE)).as("status %d", status).isFalse();
    }
  }

  @Test
  void internalErrorIsNotRetried() {
    UpstreamFailure failure = classify(response(500));

    assertThat(failure.retryable(Operation.RETRIEVE)).isFalse();
    assertThat(failure.allowsFailover(Operation.RETRIEVE)).isTrue();
  }

  @Test
  void rateLimitNeverCountsAgainstEndpoint() {
    assertThat(UpstreamFailure.countsAgainstEndpoint(response(429))).isFalse();
    assertThat(UpstreamFailure.countsAgainstEndpoint(response(503))).isTrue();
  }

  private static UpstreamFailure classify(Throwable error) {
    return UpstreamFailure.classify(ENDPOINT, error);
  }

  private static WebClientRequestException requestFailure(Throwable cause) {
    return new WebClientRequestException(
        cause, HttpMethod.POST, URI.create("http://127.0.0.1:1/customer"), new HttpHeaders());
  }

  private static WebClientResponseException response(int status) {
    return WebClientResponseException.create(
        status, "status " + status, new HttpHeaders(), new byte[0], StandardCharsets.UTF_8);
  }
}
