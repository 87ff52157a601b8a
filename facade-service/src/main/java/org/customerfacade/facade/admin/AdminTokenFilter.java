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
 * Requires the operators' bearer token on the breaker endpoint.
 *
 * <p>Spring's reactive management context collects {@link WebFilter} beans from its parent, so this
 * filter guards the management port, where the endpoint lives. The token is compared by its SHA-256
 * in constant time, so the configuration never contains the token itself.
 */
@Component
class AdminTokenFilter implements WebFilter {

  /** Path prefix of the operator endpoints. */
  static final String ADMIN_PATH = "/actuator/" + BreakersEndpoint.ID;

  private static final Logger log = LoggerFactory.getLogger(AdminTokenFilter.class);
  private static final String BEARER = "Bearer ";

  private final byte @Nullable [] expectedHash;

  AdminTokenFilter(AdminProperties properties) {
    String hash = properties.getTokenSha256();
    this.expectedHash = hash == null ? null : HexFormat.of().parseHex(hash);
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    if (!path.startsWith(ADMIN_PATH)) {
      return chain.filter(exchange);
    }
    if (expectedHash == null) {
      return reject(
          exchange, "The operator endpoints are disabled; set facade.admin.token-sha256.");
    }
    String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (authorization == null || !authorization.startsWith(BEARER)) {
      return reject(exchange, "Send 'Authorization: Bearer <token>' with the operators' token.");
    }
    if (!MessageDigest.isEqual(expectedHash, sha256(authorization.substring(BEARER.length())))) {
      log.warn("Rejected an operator call with a wrong token to {}", path);
      return reject(exchange, "The bearer token is not the operators' token.");
    }
    return chain.filter(exchange);
  }

  private static Mono<Void> reject(ServerWebExchange exchange, String detail) {
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(HttpStatus.UNAUTHORIZED);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    String body =
        "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
            + detail.replace("\"", "'")
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
