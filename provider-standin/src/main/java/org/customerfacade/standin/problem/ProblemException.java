package org.customerfacade.standin.problem;

import java.util.List;
import java.util.stream.Collectors;
import org.customerfacade.server.model.FieldError;
import org.customerfacade.server.model.Problem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * An error that reaches the caller as an RFC 9457 problem document with this status, detail, field
 * errors and extra response headers.
 *
 * <p>These are expected outcomes of a request, so no stack trace is recorded.
 */
public class ProblemException extends RuntimeException {

  private final HttpStatusCode status;

  private final List<FieldError> errors;

  private final HttpHeaders headers;

  public ProblemException(HttpStatusCode status, String detail) {
    this(status, detail, List.of(), HttpHeaders.EMPTY);
  }

  public ProblemException(HttpStatusCode status, String detail, List<FieldError> errors) {
    this(status, detail, errors, HttpHeaders.EMPTY);
  }

  public ProblemException(
      HttpStatusCode status, String detail, List<FieldError> errors, HttpHeaders headers) {
    super(detail, null, false, false);
    this.status = status;
    this.errors = List.copyOf(errors);
    this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
  }

  /** Creates a problem for invalid fields whose detail lists every pointer and its error. */
  public static ProblemException invalidFields(HttpStatusCode status, List<FieldError> errors) {
    String listed =
        errors.stream()
            .map(error -> error.getPointer() + " " + error.getDetail())
            .collect(Collectors.joining("; "));
    String detail = "Invalid request: " + listed + ". Correct these fields and send it again.";
    return new ProblemException(status, detail, errors);
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(HttpStatus.NOT_FOUND, detail);
  }

  public static ProblemException badRequest(String detail) {
    return new ProblemException(HttpStatus.BAD_REQUEST, detail);
  }

  public HttpStatusCode getStatus() {
    return status;
  }

  public List<FieldError> getErrors() {
    return errors;
  }

  public HttpHeaders getHeaders() {
    return headers;
  }

  /** Builds the problem document; {@code type} stays {@code about:blank}. */
  public Problem toProblem() {
    Problem problem =
        new Problem().title(titleOf(status)).status(status.value()).detail(getMessage());
    if (!errors.isEmpty()) {
      problem.errors(errors);
    }
    return problem;
  }

  private static String titleOf(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    return known != null ? known.getReasonPhrase() : "Status " + status.value();
  }
}
