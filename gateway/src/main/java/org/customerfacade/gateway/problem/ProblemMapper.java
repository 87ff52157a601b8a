package org.customerfacade.gateway.problem;

import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;

/**
 * Turns the errors that reach the edge of the gateway into problem documents. Upstream connection
 * failures become 502, upstream timeouts 504, and {@link ErrorResponse} exceptions keep their
 * status and headers. Anything else is a 500.
 */
@Component
public class ProblemMapper {

  private static final String REPORT_HINT =
      " If the problem persists, report it to the gateway operators with the X-Request-Id"
          + " response header.";

  private final HttpClientProperties httpClient;

  public ProblemMapper(HttpClientProperties httpClient) {
    this.httpClient = httpClient;
  }

  /** Builds the problem response for an error raised while handling {@code request}. */
  public ProblemResponse map(Throwable error, ServerHttpRequest request) {
    if (findCause(error, ConnectTimeoutException.class).isPresent()) {
      return facadeConnectTimeout();
    }
    if (findCause(error, ConnectException.class).isPresent()) {
      return facadeUnavailable();
    }
    if (error instanceof ErrorResponse errorResponse) {
      return fromErrorResponse(errorResponse, request);
    }
    if (findCause(error, IOException.class).isPresent()) {
      return facadeConnectionFailed();
    }
    return internalError();
  }

  /** Returns whether the problem describes a failure of the facade rather than of the request. */
  public static boolean isUpstreamFailure(ProblemResponse response) {
    int status = response.status().value();
    return status == HttpStatus.BAD_GATEWAY.value() || status == HttpStatus.GATEWAY_TIMEOUT.value();
  }

  private ProblemResponse fromErrorResponse(ErrorResponse error, ServerHttpRequest request) {
    HttpStatusCode status = error.getStatusCode();
    if (status.value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
      return facadeResponseTimeout();
    }
    if (status.value() == HttpStatus.NOT_FOUND.value()) {
      return noRoute(request);
    }

    String detail = error.getBody().getDetail();
    if (detail == null) {
      detail = "The gateway rejected the request." + REPORT_HINT;
    }
    return problem(status, detail, error.getHeaders());
  }

  private ProblemResponse noRoute(ServerHttpRequest request) {
    String detail =
        "No route matches %s %s. The gateway serves the Customer API at /customer and"
                .formatted(
                    SafeText.of(request.getMethod().name()), SafeText.of(request.getPath().value()))
            + " /customer/{id}; check the path and the base URL.";
    return problem(HttpStatus.NOT_FOUND, detail, HttpHeaders.EMPTY);
  }

  private ProblemResponse facadeUnavailable() {
    String detail =
        "The facade service is unavailable: the gateway could not connect to it. Retry later."
            + REPORT_HINT;
    return problem(HttpStatus.BAD_GATEWAY, detail, HttpHeaders.EMPTY);
  }

  private ProblemResponse facadeConnectionFailed() {
    String detail =
        "The connection to the facade service failed before it sent a complete response. Retry"
            + " later."
            + REPORT_HINT;
    return problem(HttpStatus.BAD_GATEWAY, detail, HttpHeaders.EMPTY);
  }

  private ProblemResponse facadeConnectTimeout() {
    String detail =
        "The facade service did not accept a connection within %s. Retry later."
                .formatted(describeMillis(httpClient.getConnectTimeout()))
            + REPORT_HINT;
    return problem(HttpStatus.GATEWAY_TIMEOUT, detail, HttpHeaders.EMPTY);
  }

  private ProblemResponse facadeResponseTimeout() {
    String detail =
        "The facade service did not respond within %s. Retry later."
                .formatted(describe(httpClient.getResponseTimeout()))
            + REPORT_HINT;
    return problem(HttpStatus.GATEWAY_TIMEOUT, detail, HttpHeaders.EMPTY);
  }

  private ProblemResponse internalError() {
    String detail = "The gateway failed to process the request." + REPORT_HINT;
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, detail, HttpHeaders.EMPTY);
  }

  private static ProblemResponse problem(HttpStatusCode status, String detail, HttpHeaders extra) {
    Problem body = new Problem(Problem.BLANK_TYPE, title(status), status.value(), detail);
    return new ProblemResponse(status, extra, body);
  }

  private static String title(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    return known != null ? known.getReasonPhrase() : "HTTP " + status.value();
  }

  private static String describe(Duration timeout) {
    return timeout == null ? "the configured response timeout" : timeout.toMillis() + " ms";
  }

  private static String describeMillis(Integer timeoutMillis) {
    return timeoutMillis == null ? "the configured connect timeout" : timeoutMillis + " ms";
  }

  private static <T extends Throwable> Optional<T> findCause(Throwable error, Class<T> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return Optional.of(type.cast(cause));
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }
}
