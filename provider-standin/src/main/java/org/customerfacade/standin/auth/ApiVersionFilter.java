package org.customerfacade.standin.auth;

import java.util.List;
import org.customerfacade.server.model.FieldError;
import org.customerfacade.standin.endpoint.Endpoint;
import org.customerfacade.standin.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Requires {@code x-api-version: 2.0} on every authenticated Customer API request. Checking it
 * here, rather than leaving it to the required header of the generated interface, keeps the order
 * of checks fixed: authentication first, then the version.
 */
@Component
public class ApiVersionFilter implements WebFilter, Ordered {

  public static final int ORDER = ApiKeyFilter.ORDER + 1;

  public static final String HEADER = "x-api-version";

  public static final String SUPPORTED_VERSION = "2.0";

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (exchange.getAttribute(Endpoint.ATTRIBUTE) == null) {
      return chain.filter(exchange);
    }
    String version = exchange.getRequest().getHeaders().getFirst(HEADER);
    if (SUPPORTED_VERSION.equals(version)) {
      return chain.filter(exchange);
    }
    return Mono.error(versionProblem(version));
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  private static ProblemException versionProblem(@Nullable String version) {
    String detail =
        version == null
            ? "The x-api-version header is missing; send x-api-version: 2.0."
            : "API version '" + version + "' is not supported; send x-api-version: 2.0.";
    FieldError error = new FieldError(HEADER, "must be " + SUPPORTED_VERSION);
    return new ProblemException(HttpStatus.BAD_REQUEST, detail, List.of(error));
  }
}
