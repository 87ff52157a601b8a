package org.customerfacade.gateway.limits;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Raised when a request breaks a size limit or carries a dangerous path or header. Details quote
 * caller input only through {@code SafeText}.
 */
public class RequestRejectedException extends ErrorResponseException {

  RequestRejectedException(HttpStatus status, String detail) {
    super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }
}
