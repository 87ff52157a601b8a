package org.customerfacade.standin.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every error, from filters and controllers alike, as {@code application/problem+json}.
 *
 * <p>Ordered before Spring Boot's default error handler, which has order -1.
 */
@Component
@Order(-2)
public class ProblemWebExceptionHandler implements WebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

  private final ProblemTranslator translator;

  private final JsonMapper jsonMapper;

  public ProblemWebExceptionHandler(ProblemTranslator translator, JsonMapper jsonMapper) {
    this.translator = translator;
    this.jsonMapper = jsonMapper;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.error(error);
    }
    ProblemException problem = translator.translate(error);
    logOutcome(exchange, error, problem);

    response.setStatusCode(problem.getStatus());
    response.getHeaders().addAll(problem.getHeaders());
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);

    byte[] body = jsonMapper.writeValueAsBytes(problem.toProblem());
    DataBuffer buffer = response.bufferFactory().wrap(body);
    return response.writeWith(Mono.just(buffer));
  }

  private static void logOutcome(
      ServerWebExchange exchange, Throwable error, ProblemException problem) {
    String method = exchange.getRequest().getMethod().name();
    String path = exchange.getRequest().getPath().value();
    if (!(error instanceof ProblemException) && problem.getStatus().is5xxServerError()) {
      log.error("Request {} {} failed unexpectedly", method, path, error);
      return;
    }
    log.debug(
        "Request {} {} returned problem status {}", method, path, problem.getStatus().value());
  }
}
