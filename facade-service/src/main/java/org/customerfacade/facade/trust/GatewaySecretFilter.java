package org.customerfacade.facade.trust;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.customerfacade.facade.web.FacadeHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves a request only when it carries the gateway's shared secret in {@link #SECRET_HEADER}.
 * Anything else, such as a call to the facade's port that sets {@code X-Consumer-Id} itself, gets a
 * 401 problem before any handler runs. Requests to a separate management port are not checked.
 *
 * <p>The values are compared with {@link MessageDigest#isEqual}, whose JDK 17 implementation loops
 * over every byte of its first argument, the configured secret. Its time therefore depends neither
 * on how much of a guess is right nor on the guess's length, and no per-request digest is needed.
 */
@Component
// Right after the access log, so that rejected calls are logged too.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class GatewaySecretFilter implements WebFilter {

  /** Header carrying the shared secret; the gateway replaces any copy that a caller sends. */
  public static final String SECRET_HEADER = "X-Gateway-Secret";

  private static final Logger log = LoggerFactory.getLogger(GatewaySecretFilter.class);

  private final byte[] expectedSecret;
  private final JsonMapper json;
  private final ApplicationContext applicationContext;

  public GatewaySecretFilter(
      GatewayTrustProperties properties, JsonMapper json, ApplicationContext applicationContext) {
    this.expectedSecret = properties.getGatewaySecret().getBytes(StandardCharsets.UTF_8);
    this.json = json;
    this.applicationContext = applicationContext;
    if (GatewayTrustProperties.DEMO_SECRET.equals(properties.getGatewaySecret())) {
      log.warn(
          "{}.gateway-secret is the local demo value; set GATEWAY_SHARED_SECRET in the gateway"
              + " and the facade outside local runs",
          GatewayTrustProperties.PREFIX);
    }
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    // A separate management port has its own child context, which also runs this filter. Health
    // checks there need no secret; the API port is always checked.
    if (exchange.getApplicationContext() != applicationContext) {
      return chain.filter(exchange);
    }

    List<String> secrets = exchange.getRequest().getHeaders().getOrEmpty(SECRET_HEADER);
    if (secrets.size() == 1
        && MessageDigest.isEqual(expectedSecret, secrets.get(0).getBytes(StandardCharsets.UTF_8))) {
      return chain.filter(exchange);
    }

    boolean claimsConsumer =
        exchange.getRequest().getHeaders().containsHeader(FacadeHeaders.CONSUMER_ID);
    log.debug(
        "Rejected request {} without a valid gateway secret (consumer header present: {})",
        exchange.getRequest().getHeaders().getFirst(FacadeHeaders.REQUEST_ID),
        claimsConsumer);
    return writeUnauthorized(exchange);
  }

  private Mono<Void> writeUnauthorized(ServerWebExchange exchange) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", HttpStatus.UNAUTHORIZED.getReasonPhrase());
    problem.put("status", HttpStatus.UNAUTHORIZED.value());
    problem.put(
        "detail",
        "The request did not come through the gateway: the gateway secret is missing or"
            + " invalid. Call the Customer API through the gateway with your consumer token.");
    byte[] body = json.writeValueAsBytes(problem);

    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(HttpStatus.UNAUTHORIZED);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
  }
}
