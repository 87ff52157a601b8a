package org.customerfacade.gateway.consumer;

import java.util.Optional;
import org.customerfacade.gateway.headers.RequestIdFilter;
import org.customerfacade.gateway.jwt.InvalidConsumerClaimException;
import org.customerfacade.gateway.jwt.JwtConsumerAuthenticator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Authenticates every routed request by its bearer token, a static token or a JWT, and stores the
 * consumer in the exchange attributes {@link #CONSUMER_ID_ATTRIBUTE} and {@link
 * #CONSUMER_ATTRIBUTE}. A request without a valid token ends with a {@link
 * ConsumerAuthenticationException} error signal and never reaches the facade.
 */
@Component
public class ConsumerAuthenticationFilter implements GlobalFilter, Ordered {

  /** Exchange attribute holding the authenticated consumer's id. */
  public static final String CONSUMER_ID_ATTRIBUTE =
      ConsumerAuthenticationFilter.class.getName() + ".consumerId";

  /** Exchange attribute holding the {@link AuthenticatedConsumer}. */
  public static final String CONSUMER_ATTRIBUTE =
      ConsumerAuthenticationFilter.class.getName() + ".consumer";

  /** Runs before the internal headers filter and before the gateway's routing filters. */
  public static final int ORDER = -200;

  private static final Logger log = LoggerFactory.getLogger(ConsumerAuthenticationFilter.class);

  private final ConsumerRegistry registry;
  private final Optional<JwtConsumerAuthenticator> jwt;

  /** Accepts static tokens only. */
  public ConsumerAuthenticationFilter(ConsumerRegistry registry) {
    this(registry, Optional.empty());
  }

  /** Accepts static tokens, and JWTs when {@code edge.jwt.enabled} created an authenticator. */
  @Autowired
  public ConsumerAuthenticationFilter(
      ConsumerRegistry registry, ObjectProvider<JwtConsumerAuthenticator> jwt) {
    this(registry, Optional.ofNullable(jwt.getIfAvailable()));
  }

  ConsumerAuthenticationFilter(ConsumerRegistry registry, Optional<JwtConsumerAuthenticator> jwt) {
    this.registry = registry;
    this.jwt = jwt;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    String requestId = RequestIdFilter.requestId(exchange);
    BearerToken bearer =
        BearerToken.parse(exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.AUTHORIZATION));

    Optional<AuthenticationFailure> failure = bearer.failure();
    if (failure.isPresent()) {
      return reject(failure.get(), requestId);
    }

    String token = bearer.token().orElse("");
    if (jwt.isPresent() && JwtConsumerAuthenticator.looksLikeJwt(token)) {
      return jwt.get()
          .authenticate(token)
          .onErrorMap(error -> jwtFailure(error, requestId))
          .flatMap(consumer -> accept(exchange, chain, consumer, requestId));
    }

    Optional<AuthenticatedConsumer> consumer = registry.findConsumer(token);
    if (consumer.isEmpty()) {
      return reject(AuthenticationFailure.UNKNOWN_TOKEN, requestId);
    }
    return accept(exchange, chain, consumer.get(), requestId);
  }

  private static Mono<Void> accept(
      ServerWebExchange exchange,
      GatewayFilterChain chain,
      AuthenticatedConsumer consumer,
      String requestId) {
    log.debug("Authenticated consumer '{}' for request {}", consumer.id(), requestId);
    exchange.getAttributes().put(CONSUMER_ID_ATTRIBUTE, consumer.id());
    exchange.getAttributes().put(CONSUMER_ATTRIBUTE, consumer);
    return chain.filter(exchange);
  }

  /**
   * Turns a JWT failure into a 401 when the token or its consumer claim is invalid. Any other
   * failure, such as signing keys that cannot be fetched, becomes a 503, because the token may be
   * valid. Reasons are logged by exception type only, since messages can quote claims.
   */
  private static Throwable jwtFailure(Throwable error, String requestId) {
    if (error instanceof InvalidBearerTokenException
        || error instanceof InvalidConsumerClaimException) {
      log.debug(
          "Rejected request {}: invalid JWT ({})", requestId, error.getClass().getSimpleName());
      return new ConsumerAuthenticationException(AuthenticationFailure.INVALID_JWT);
    }

    // The error handler logs 5xx responses with their cause.
    return new ResponseStatusException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "The gateway could not check the JWT because the identity provider's signing keys are"
            + " unavailable. Retry later.",
        error);
  }

  private static Mono<Void> reject(AuthenticationFailure failure, String requestId) {
    log.debug("Rejected request {}: {}", requestId, failure);
    return Mono.error(new ConsumerAuthenticationException(failure));
  }
}
