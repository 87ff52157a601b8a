package org.customerfacade.gateway.problem;

import org.customerfacade.gateway.consumer.ConsumerAuthenticationException;
import org.customerfacade.gateway.headers.RequestIdFilter;
import org.customerfacade.support.logging.TraceLogging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every error that the gateway itself raises as {@code application/problem+json}. Ordered
 * before Boot's default handler (order -1), which would otherwise write its own error body.
 */
@Component
@Order(-2)
public class ProblemErrorHandler implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

  private final ProblemMapper mapper;
  private final JsonMapper json;

  public ProblemErrorHandler(ProblemMapper mapper, JsonMapper json) {
    this.mapper = mapper;
    this.json = json;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      // Part of the facade's response is already on the wire, so no problem document can follow.
      return Mono.error(error);
    }

    ProblemResponse problem = mapper.map(error, exchange.getRequest());
    logOutcome(problem, error, exchange);
    byte[] body = json.writeValueAsBytes(problem.body());

    // Headers copied from a failed facade response, such as Content-Length, no longer apply.
    response.getHeaders().clear();
    response.getHeaders().addAll(problem.headers());
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.setStatusCode(problem.status());
    return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
  }

  private static void logOutcome(
      ProblemResponse problem, Throwable error, ServerWebExchange exchange) {
    String requestId = RequestIdFilter.requestId(exchange);
    int status = problem.status().value();
    if (ProblemMapper.isUpstreamFailure(problem)) {
      TraceLogging.withTrace(log.atWarn(), exchange)
          .log(
              "Request {} failed upstream with status {}: {}", requestId, status, error.toString());
    } else if (problem.status().is5xxServerError()) {
      TraceLogging.withTrace(log.atError(), exchange)
          .setCause(error)
          .log("Request {} failed with status {}", requestId, status);
    } else if (!(error instanceof ConsumerAuthenticationException)) {
      // Authentication failures are already logged, with their reason, where they are decided.
      log.debug(
          "Request {} rejected with status {} ({})", requestId, status, problem.body().title());
    }
  }
}
