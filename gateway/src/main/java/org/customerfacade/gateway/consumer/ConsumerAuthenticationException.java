package org.customerfacade.gateway.consumer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Raised when a request carries no valid bearer token. The error handler writes it as a 401 with
 * the {@code WWW-Authenticate} challenge that this exception carries.
 */
public class ConsumerAuthenticationException extends ErrorResponseException {

  private final AuthenticationFailure failure;

  public ConsumerAuthenticationException(AuthenticationFailure failure) {
    super(HttpStatus.UNAUTHORIZED, problem(failure), null);
    this.failure = failure;
    getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, failure.challenge());
  }

  public AuthenticationFailure failure() {
    return failure;
  }

  private static ProblemDetail problem(AuthenticationFailure failure) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, failure.detail());
  }
}
