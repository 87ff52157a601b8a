package org.customerfacade.gateway.access;

import java.util.Locale;
import org.customerfacade.gateway.consumer.AuthenticatedConsumer;
import org.customerfacade.gateway.problem.SafeText;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Raised when a request is not an operation its consumer may call: a 403 when the consumer lacks
 * the operation, a 405 with {@code Allow} when the method is not served on the path at all.
 */
public class OperationNotAllowedException extends ErrorResponseException {

  /** The consumer may not call this operation. */
  OperationNotAllowedException(AuthenticatedConsumer consumer, Operation operation) {
    super(HttpStatus.FORBIDDEN, forbidden(consumer, operation), null);
  }

  /** No operation has this method on this Customer API path. */
  OperationNotAllowedException(HttpMethod method, String path) {
    super(HttpStatus.METHOD_NOT_ALLOWED, methodNotAllowed(method, path), null);
    getHeaders().set(HttpHeaders.ALLOW, Operation.allowedMethods(path));
  }

  private static ProblemDetail forbidden(AuthenticatedConsumer consumer, Operation operation) {
    String detail =
        "Consumer '%s' may not call %s; its allowed operations are %s. Ask the gateway operators to grant the operation."
            .formatted(
                consumer.id(),
                name(operation),
                consumer.operations().stream()
                    .sorted()
                    .map(OperationNotAllowedException::name)
                    .toList());
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
  }

  private static ProblemDetail methodNotAllowed(HttpMethod method, String path) {
    String detail =
        "The method %s is not allowed on this path; use one of %s."
            .formatted(SafeText.of(method.name()), Operation.allowedMethods(path));
    return ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED, detail);
  }

  private static String name(Operation operation) {
    return operation.name().toLowerCase(Locale.ROOT);
  }
}
