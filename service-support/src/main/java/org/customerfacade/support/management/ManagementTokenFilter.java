package org.customerfacade.support.management;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
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
 * Requires the operators' bearer token on every management endpoint except health.
 *
 * <p>Health stays open because orchestrators probe it without credentials. Everything else on the
 * management port either changes state or describes the deployment, so one token guards it all.
 * Spring's reactive management context collects {@link WebFilter} beans from its parent, which is
 * how a bean of this filter reaches the management port; each service declares one from its own
 * properties. The token is compared by its SHA-256 in constant time, so the configuration never
 * contains the token itself.
 */
public class ManagementTokenFilter implements WebFilter {

  /**
   * Rule for a configured hash: 64 lowercase hex digits, or empty to reject every guarded call.
   * Properties classes use it in their {@code @Pattern} constraint.
   */
  public static final String SHA256_HEX = "([0-9a-f]{64})?";

  /** Validation message that goes with {@link #SHA256_HEX}. */
  public static final String SHA256_HEX_MESSAGE =
      "must be 64 lowercase hex digits (printf %s TOKEN | sha256sum), or empty to disable";

  private static final Logger log = LoggerFactory.getLogger(ManagementTokenFilter.class);

  private static final Pattern HASH = Pattern.compile(SHA256_HEX);
  private static final String ACTUATOR = "/actuator";
  private static final String HEALTH = ACTUATOR + "/health";
  private static final String BEARER = "Bearer ";

  private final String property;
  private final String realm;
  private final byte @Nullable [] expectedHash;

  /**
   * Creates the filter of one service.
   *
   * @param property full name of the property that contains the hash, quoted in the 401 detail when
   *     it is empty
   * @param realm realm of the {@code WWW-Authenticate} challenge, such as {@code facade-admin}
   * @param tokenSha256 lowercase hex SHA-256 of the operators' token; null or empty rejects every
   *     guarded call
   * @throws IllegalArgumentException when the hash is neither empty nor 64 lowercase hex digits
   */
  public ManagementTokenFilter(String property, String realm, @Nullable String tokenSha256) {
    this.property = property;
    this.realm = realm;
    this.expectedHash = parse(property, tokenSha256);
  }

  private static byte @Nullable [] parse(String property, @Nullable String tokenSha256) {
    if (tokenSha256 == null || tokenSha256.isEmpty()) {
      return null;
    }
    if (!HASH.matcher(tokenSha256).matches()) {
      // The value is a hash, not the token, but a token pasted by mistake must not reach a log.
      throw new IllegalArgumentException(
          property + " " + SHA256_HEX_MESSAGE + ", but has " + tokenSha256.length() + " chars");
    }
    return HexFormat.of().parseHex(tokenSha256);
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
              + property
              + " to the SHA-256 of an operator token.");
    }

    String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return reject(exchange, "Send 'Authorization: Bearer <token>' with the operators' token.");
    }
    String presented = authorization.substring(BEARER.length()).trim();
    if (!MessageDigest.isEqual(expectedHash, sha256(presented))) {
      log.warn(
          "Rejected {} {} on the management port because the bearer token is wrong",
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

  private Mono<Void> reject(ServerWebExchange exchange, String detail) {
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(HttpStatus.UNAUTHORIZED);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm + "\"");
    // The details and the property name are fixed texts without quotes, so no escaping is needed.
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
