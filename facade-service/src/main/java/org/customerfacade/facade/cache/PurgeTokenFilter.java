package org.customerfacade.facade.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Requires {@code Authorization: Bearer <facade.cache.admin.token>} on the cache purge endpoint and
 * rejects any other request to it with a 401 problem. Tokens are compared in constant time.
 */
class PurgeTokenFilter implements WebFilter {

  private static final Logger log = LoggerFactory.getLogger(PurgeTokenFilter.class);

  private static final String PATH = "/actuator/" + CachePurgeEndpoint.ID;
  private static final String BEARER = "Bearer ";

  private final byte[] token;

  PurgeTokenFilter(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    if (!path.equals(PATH) && !path.startsWith(PATH + "/")) {
      return chain.filter(exchange);
    }
    String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (matches(authorization)) {
      return chain.filter(exchange);
    }
    log.warn(
        "Rejected a cache purge request without a valid admin token: {} {}",
        exchange.getRequest().getMethod(),
        path);
    return unauthorized(exchange.getResponse(), authorization == null);
  }

  private boolean matches(@Nullable String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return false;
    }
    byte[] presented =
        authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(presented, token);
  }

  private static Mono<Void> unauthorized(ServerHttpResponse response, boolean missing) {
    String detail =
        (missing
                ? "The request has no Authorization header."
                : "The admin token in the Authorization header is invalid.")
            + " Send 'Authorization: Bearer <token>' with the value of facade.cache.admin.token.";
    String body =
        "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
            + detail
            + "\"}";
    response.setStatusCode(HttpStatus.UNAUTHORIZED);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"facade-admin\"");
    DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
    return response.writeWith(Mono.just(buffer));
  }
}
