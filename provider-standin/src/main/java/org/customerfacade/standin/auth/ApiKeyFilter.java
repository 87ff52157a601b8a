package org.customerfacade.standin.auth;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.customerfacade.standin.endpoint.Endpoint;
import org.customerfacade.standin.fault.FaultFilter;
import org.customerfacade.standin.instance.Instance;
import org.customerfacade.standin.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Requires {@code Authorization: ApiKey key="<api key>"} with a key of the endpoint's instance on
 * every Customer API request; anything else gets 401 with {@code WWW-Authenticate: ApiKey}.
 */
@Component
public class ApiKeyFilter implements WebFilter, Ordered {

  public static final int ORDER = FaultFilter.ORDER + 1;

  static final String SCHEME = "ApiKey";

  private static final Pattern API_KEY_CREDENTIALS =
      Pattern.compile("^ApiKey\\s+key=\"([^\"]+)\"\\s*$", Pattern.CASE_INSENSITIVE);

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    Endpoint endpoint = exchange.getAttribute(Endpoint.ATTRIBUTE);
    if (endpoint == null) {
      return chain.filter(exchange);
    }
    Instance instance = endpoint.instance();
    String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (authorization == null) {
      return Mono.error(
          unauthorized(
              "The Authorization header is missing; send Authorization: ApiKey key=\"<api key>\"."));
    }

    String key = keyOf(authorization);
    if (key == null) {
      return Mono.error(
          unauthorized(
              "The Authorization header is malformed; send Authorization: ApiKey"
                  + " key=\"<api key>\"."));
    }
    if (!instance.acceptsApiKey(key)) {
      return Mono.error(
          unauthorized(
              "The API key is not valid for instance '"
                  + instance.name()
                  + "'; send a key of this instance."));
    }
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  private static @Nullable String keyOf(String authorization) {
    Matcher matcher = API_KEY_CREDENTIALS.matcher(authorization);
    return matcher.matches() ? matcher.group(1) : null;
  }

  private static ProblemException unauthorized(String detail) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.WWW_AUTHENTICATE, SCHEME);
    return new ProblemException(HttpStatus.UNAUTHORIZED, detail, List.of(), headers);
  }
}
