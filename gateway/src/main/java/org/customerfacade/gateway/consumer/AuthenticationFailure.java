package org.customerfacade.gateway.consumer;

/**
 * Reasons to reject a request's credentials. Each detail states what the caller must send instead,
 * and none repeats any part of the Authorization header.
 */
public enum AuthenticationFailure {
  MISSING_CREDENTIALS(
      "The request has no Authorization header. Send 'Authorization: Bearer <token>' with the"
          + " token issued to your consumer."),

  UNSUPPORTED_SCHEME(
      "The Authorization header does not use the Bearer scheme. Send 'Authorization: Bearer"
          + " <token>' with the token issued to your consumer."),

  MALFORMED_TOKEN(
      "The bearer token is empty, malformed, or sent in more than one Authorization header. Send"
          + " exactly one 'Authorization: Bearer <token>' header."),

  UNKNOWN_TOKEN(
      "The bearer token does not belong to any consumer. Check that you send the token issued to"
          + " your consumer, or ask the gateway operators for a new one."),

  INVALID_JWT(
      "The bearer token is a JWT that is expired, not signed by the identity provider, issued for"
          + " another issuer or audience, or without a usable consumer claim. Get a new token from"
          + " the identity provider.");

  private final String detail;

  AuthenticationFailure(String detail) {
    this.detail = detail;
  }

  /** Problem detail for the 401 response. */
  public String detail() {
    return detail;
  }

  /**
   * Value of the {@code WWW-Authenticate} header. It carries the RFC 6750 {@code invalid_token}
   * error code only when a token was sent.
   */
  public String challenge() {
    if (this == MALFORMED_TOKEN || this == UNKNOWN_TOKEN || this == INVALID_JWT) {
      return "Bearer realm=\"customer-api\", error=\"invalid_token\"";
    }
    return "Bearer realm=\"customer-api\"";
  }
}
