package org.customerfacade.gateway.consumer;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Result of reading a bearer token from the Authorization header values of one request: either the
 * token or the reason it could not be read.
 */
final class BearerToken {

  private static final String SCHEME = "Bearer";

  /** The token68 syntax of RFC 9110 section 11.2, which RFC 6750 uses for bearer tokens. */
  private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

  private final String token;
  private final AuthenticationFailure failure;

  private BearerToken(String token, AuthenticationFailure failure) {
    this.token = token;
    this.failure = failure;
  }

  /** Reads the token from the request's Authorization header values, in the order received. */
  static BearerToken parse(List<String> authorizations) {
    if (authorizations.isEmpty()) {
      return failed(AuthenticationFailure.MISSING_CREDENTIALS);
    }
    if (authorizations.size() > 1) {
      return failed(AuthenticationFailure.MALFORMED_TOKEN);
    }

    String authorization = authorizations.get(0).strip();
    if (!hasBearerScheme(authorization)) {
      return failed(AuthenticationFailure.UNSUPPORTED_SCHEME);
    }

    String token = authorization.substring(SCHEME.length()).strip();
    if (!TOKEN68.matcher(token).matches()) {
      return failed(AuthenticationFailure.MALFORMED_TOKEN);
    }
    return new BearerToken(token, null);
  }

  /** Returns the token, or empty when it could not be read. */
  Optional<String> token() {
    return Optional.ofNullable(token);
  }

  /** Returns why the token could not be read, or empty when it was read. */
  Optional<AuthenticationFailure> failure() {
    return Optional.ofNullable(failure);
  }

  private static BearerToken failed(AuthenticationFailure failure) {
    return new BearerToken(null, failure);
  }

  /**
   * Authentication schemes are case-insensitive (RFC 9110 section 11.1), and a space must follow.
   */
  private static boolean hasBearerScheme(String authorization) {
    boolean startsWithScheme = authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    if (!startsWithScheme) {
      return false;
    }
    return authorization.length() == SCHEME.length()
        || authorization.charAt(SCHEME.length()) == ' ';
  }

  /** Keeps the token out of logs and debugger views. */
  @Override
  public String toString() {
    return token != null ? "BearerToken[token=<redacted>]" : "BearerToken[failure=" + failure + "]";
  }
}
