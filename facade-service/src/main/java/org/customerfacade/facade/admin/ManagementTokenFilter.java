package org.customerfacade.facade.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Requires the operators' bearer token on every management endpoint except health.
 *
 * <p>Health stays open because orchestrators probe it without credentials; everything else on the
 * management port either changes state (cache purge, breaker overrides) or describes the
 * deployment, so one token guards it all. Spring's reactive management context collects {@link
 * WebFilter} beans from its parent, which is how this filter reaches the management port; the main
 * port serves nothing under {@code /actuator}. The token is compared by its SHA-256 in constant
 * time, so the configuration never contains the token itself.
 */
@Component
class ManagementTokenFilter implements WebFilter {

  private static final Logger log = LoggerFactory.getLogger(ManagementTokenFilter.class);

  private static final String ACTUATOR = "/actuator";
  private static final String HEALTH = ACTUATOR + "/health";
  private static final String BEARER = "Bearer ";

  private final byte @Nullable [] expectedHash;

  ManagementTokenFilter(AdminProperties properties) {
    String hash = properties.getTokenSha256();
    this.expectedHash = hash == null || hash.isEmpty() ? null : HexFormat.of().parseHex(hash);
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    if (!isGuarded(path)) {
      return chain.filter(exchange);
    }
    if (expectedHash == null) {
      return reject(
          exchange,
          "The management endpoints are disabled; set "
              + AdminProperties.PREFIX
              + ".token-sha256 to the SHA-256 of an operator token.");
    }

    String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return reject(exchange, "Send 'Authorization: Bearer <token>' with the operators' token.");
    }
    String presented = authorization.substring(BEARER.length()).trim();
    if (!MessageDigest.isEqual(expectedHash, sha256(presented))) {
      log.warn(
          "Rejected a management call with a wrong token: {} {}",
          exchange.getRequest().getMethod(),
          path);
      return reject(exchange, "The bearer token is not the operators' token.");
    }
    return chain.filter(exchange);
  }

  private static boolean isGuarded(String path) {
    boolean management = path.equals(ACTUATOR) || path.startsWith(ACTUATOR + "/");
    boolean health = path.equals(HEALTH) || path.startsWith(HEALTH + "/");
    return management && !health;
  }

  private static Mono<Void> reject(ServerWebExchange exchange, String detail) {
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(HttpStatus.UNAUTHORIZED);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"facade-admin\"");
    // The details are fixed texts without quotes, so no escaping is needed.
    String body =
        "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
            + detail
            + "\"}";
    DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
    return response.writeWith(Mono.just(buffer));
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException notInJdk) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", notInJdk);
    }
  }
}
