package org.customerfacade.gateway.jwt;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.customerfacade.gateway.access.Operation;
import org.customerfacade.gateway.consumer.AuthenticatedConsumer;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Authenticates a JWT bearer token with Spring Security's {@code JwtReactiveAuthenticationManager}
 * (signature from the JWKS, expiry, issuer and audience) and turns it into a consumer.
 *
 * <p>Errors reach the subscriber unchanged: Spring Security's {@code InvalidBearerTokenException}
 * for a bad token, {@link InvalidConsumerClaimException} when the consumer claim is missing or
 * unusable, and others (an {@code IllegalStateException} in Spring Security 7.0) when the keys
 * could not be fetched.
 */
public class JwtConsumerAuthenticator {

  /** Three base64url parts separated by dots: the JWS compact serialization. */
  private static final Pattern COMPACT_JWS =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

  /** Consumer ids become a header value and part of a Redis key, so they stay plain. */
  private static final Pattern CONSUMER_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

  static final String READ_SCOPE = "SCOPE_customer:read";
  static final String WRITE_SCOPE = "SCOPE_customer:write";

  private final ReactiveAuthenticationManager manager;
  private final String consumerClaim;

  public JwtConsumerAuthenticator(ReactiveAuthenticationManager manager, String consumerClaim) {
    this.manager = manager;
    this.consumerClaim = consumerClaim;
  }

  /** Returns whether the token has the shape of a signed JWT rather than of a static token. */
  public static boolean looksLikeJwt(String token) {
    return COMPACT_JWS.matcher(token).matches();
  }

  /** Validates the token and emits its consumer, or an error signal. */
  public Mono<AuthenticatedConsumer> authenticate(String token) {
    return manager
        .authenticate(new BearerTokenAuthenticationToken(token))
        .cast(JwtAuthenticationToken.class)
        .flatMap(this::toConsumer);
  }

  private Mono<AuthenticatedConsumer> toConsumer(JwtAuthenticationToken authentication) {
    Object id = authentication.getToken().getClaims().get(consumerClaim);
    if (!(id instanceof String consumerId) || !CONSUMER_ID.matcher(consumerId).matches()) {
      return Mono.error(new InvalidConsumerClaimException(consumerClaim));
    }
    return Mono.just(
        new AuthenticatedConsumer(consumerId, operations(authentication.getAuthorities())));
  }

  private static Set<Operation> operations(Collection<GrantedAuthority> authorities) {
    Set<Operation> operations = EnumSet.noneOf(Operation.class);
    for (GrantedAuthority authority : authorities) {
      if (READ_SCOPE.equals(authority.getAuthority())) {
        operations.addAll(EnumSet.of(Operation.RETRIEVE, Operation.FIND));
      }
      if (WRITE_SCOPE.equals(authority.getAuthority())) {
        operations.addAll(EnumSet.of(Operation.CREATE, Operation.UPDATE, Operation.DELETE));
      }
    }
    return operations;
  }
}
