package org.customerfacade.facade.upstream;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.customerfacade.facade.routing.UpstreamEndpoint;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/** A failed call to one endpoint, classified by what it means for the caller and for failover. */
record UpstreamFailure(UpstreamEndpoint endpoint, Kind kind, Throwable error) {

  enum Kind {
    /** The breaker was open: the request was not sent. */
    REJECTED_BY_BREAKER,
    /** The endpoint already had its maximum of calls in flight: the request was not sent. */
    REJECTED_BY_BULKHEAD,
    /** The connection could not be opened: the request was not sent. */
    CONNECT_FAILED,
    /** No response within the time limit, so the provider may have acted on the request. */
    TIMEOUT,
    /** The provider returned 5xx or a response that could not be read. */
    SERVER_ERROR,
    /** The connection broke after the request may have been sent. */
    TRANSPORT_ERROR,
    /**
     * The provider returned a success status, but the body was larger than the facade's limit. The
     * endpoint is healthy and the request took effect, so this neither counts against the endpoint
     * nor fails over.
     */
    RESPONSE_TOO_LARGE,
    /** The provider returned a success status and a body that is not the expected JSON. */
    UNREADABLE_RESPONSE,
    /** The provider rejected the request with a 4xx status; not the endpoint's fault. */
    CLIENT_ERROR
  }

  static UpstreamFailure classify(UpstreamEndpoint endpoint, Throwable error) {
    return new UpstreamFailure(endpoint, kindOf(error), error);
  }

  /** Returns whether the breaker should count this failure against the endpoint. */
  static boolean countsAgainstEndpoint(Throwable error) {
    Kind kind = kindOf(error);
    return kind != Kind.CLIENT_ERROR
        && kind != Kind.REJECTED_BY_BULKHEAD
        && kind != Kind.RESPONSE_TOO_LARGE;
  }

  /**
   * Returns whether another endpoint may be tried. A create moves on only when this endpoint never
   * received it, so that a lost response cannot turn into a second customer.
   */
  boolean allowsFailover(Operation operation) {
    return switch (kind) {
      case REJECTED_BY_BREAKER, REJECTED_BY_BULKHEAD, CONNECT_FAILED -> true;
      case TIMEOUT, SERVER_ERROR, TRANSPORT_ERROR, UNREADABLE_RESPONSE -> operation.idempotent();
      case CLIENT_ERROR, RESPONSE_TOO_LARGE -> false;
    };
  }

  /**
   * Returns whether the request may be sent again after a backoff. Safe operations are retried on
   * connection errors, timeouts, 502, 503 and 504; a create only when it was never sent. A 500 or
   * an unreadable response is not retried, because repeating it would most likely fail the same
   * way.
   */
  boolean retryable(Operation operation) {
    return switch (kind) {
      case REJECTED_BY_BREAKER, REJECTED_BY_BULKHEAD, CONNECT_FAILED -> true;
      case TIMEOUT, TRANSPORT_ERROR -> operation.idempotent();
      case SERVER_ERROR -> operation.idempotent() && retryableStatus();
      case CLIENT_ERROR, RESPONSE_TOO_LARGE, UNREADABLE_RESPONSE -> false;
    };
  }

  /** Returns whether the facade itself rejected the call, so the endpoint never saw it. */
  boolean rejectedLocally() {
    return kind == Kind.REJECTED_BY_BREAKER || kind == Kind.REJECTED_BY_BULKHEAD;
  }

  /** Returns the provider's HTTP status, or 0 when the endpoint sent none. */
  int status() {
    return error instanceof WebClientResponseException response
        ? response.getStatusCode().value()
        : 0;
  }

  private boolean retryableStatus() {
    int status = status();
    return status == 502 || status == 503 || status == 504;
  }

  /**
   * Returns whether the endpoint could not be reached at all, as opposed to responding with an
   * error.
   */
  boolean unavailable() {
    return kind == Kind.REJECTED_BY_BREAKER
        || kind == Kind.REJECTED_BY_BULKHEAD
        || kind == Kind.CONNECT_FAILED;
  }

  private static Kind kindOf(Throwable error) {
    if (error instanceof CallNotPermittedException) {
      return Kind.REJECTED_BY_BREAKER;
    }
    if (error instanceof BulkheadFullException) {
      return Kind.REJECTED_BY_BULKHEAD;
    }
    if (error instanceof TimeoutException) {
      return Kind.TIMEOUT;
    }
    if (error instanceof WebClientResponseException response) {
      return responseKind(response);
    }
    if (error instanceof WebClientRequestException) {
      return requestFailureKind(error.getCause());
    }
    return Kind.SERVER_ERROR;
  }

  private static Kind responseKind(WebClientResponseException response) {
    if (response.getStatusCode().is4xxClientError()) {
      return Kind.CLIENT_ERROR;
    }
    if (response.getStatusCode().is2xxSuccessful()) {
      // WebClient reports a success response whose body it could not decode this way.
      return causedBy(response, DataBufferLimitException.class)
          ? Kind.RESPONSE_TOO_LARGE
          : Kind.UNREADABLE_RESPONSE;
    }
    return Kind.SERVER_ERROR;
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable current = error; current != null; current = current.getCause()) {
      if (type.isInstance(current)) {
        return true;
      }
    }
    return false;
  }

  private static Kind requestFailureKind(Throwable cause) {
    if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException) {
      return Kind.CONNECT_FAILED;
    }
    if (cause instanceof ReadTimeoutException || cause instanceof TimeoutException) {
      return Kind.TIMEOUT;
    }
    return Kind.TRANSPORT_ERROR;
  }
}
