package org.customerfacade.facade.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.customerfacade.facade.problem.FacadeProblem;
import org.customerfacade.facade.problem.FacadeProblem.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Renders every error as {@code application/problem+json}, with an {@code errors} list of {@code
 * {pointer, detail}} where the fault lies in one part of the request.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

  @ExceptionHandler(FacadeProblem.class)
  ResponseEntity<ProblemDetail> handleFacadeProblem(FacadeProblem problem) {
    HttpHeaders headers = new HttpHeaders();
    if (problem.retryAfter() != null) {
      headers.set(
          HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, problem.retryAfter().toSeconds())));
    }
    return problem(problem.status(), problem.getMessage(), problem.errors(), headers);
  }

  /** Parameter constraints of the generated interface, checked by Spring's method validation. */
  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException violation) {
    List<FieldError> errors =
        violation.getConstraintViolations().stream()
            .map(each -> new FieldError(parameterName(each), each.getMessage()))
            .toList();
    return problem(
        HttpStatus.BAD_REQUEST, "A request parameter is invalid.", errors, new HttpHeaders());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> handleUnexpected(Exception error) {
    log.error("Request failed unexpectedly", error);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "The request failed unexpectedly; retry later, and report it if it persists.",
        List.of(),
        new HttpHeaders());
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
      WebExchangeBindException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    List<FieldError> errors =
        ex.getFieldErrors().stream()
            .map(
                error ->
                    new FieldError(
                        pointer(error.getField()),
                        error.getDefaultMessage()
                            + ", but was "
                            + quoted(error.getRejectedValue())))
            .toList();
    String detail =
        "The request body has "
            + errors.size()
            + " invalid field(s): "
            + errors.stream().map(FieldError::pointer).toList()
            + ". Correct them and send the request again.";
    return Mono.just(asObject(problem(status, detail, errors, headers)));
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    List<FieldError> errors =
        ex.getParameterValidationResults().stream().flatMap(this::fieldErrors).toList();
    return Mono.just(
        asObject(
            problem(HttpStatus.BAD_REQUEST, "A request parameter is invalid.", errors, headers)));
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleMissingRequestValueException(
      MissingRequestValueException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    String detail = "The " + ex.getLabel() + " '" + ex.getName() + "' is required.";
    if ("x-api-version".equalsIgnoreCase(ex.getName())) {
      detail += " Send x-api-version: 2.0.";
    }
    return Mono.just(
        asObject(
            problem(
                status, detail, List.of(new FieldError(ex.getName(), "is required")), headers)));
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleServerWebInputException(
      ServerWebInputException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    String parameter =
        ex.getMethodParameter() == null ? null : ex.getMethodParameter().getParameterName();
    String detail =
        parameter == null
            ? "The request body is not valid JSON for this operation; check its syntax and field"
                + " types."
            : "The value of '" + parameter + "' has the wrong type.";
    List<FieldError> errors =
        parameter == null ? List.of() : List.of(new FieldError(parameter, "has the wrong type"));
    return Mono.just(asObject(problem(status, detail, errors, headers)));
  }

  private java.util.stream.Stream<FieldError> fieldErrors(ParameterValidationResult result) {
    String name = result.getMethodParameter().getParameterName();
    return result.getResolvableErrors().stream()
        .map(error -> new FieldError(String.valueOf(name), error.getDefaultMessage()));
  }

  /** Returns the last node of a path such as {@code getCustomer.id}, the parameter's name. */
  private static String parameterName(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    return path.substring(path.lastIndexOf('.') + 1);
  }

  /** Quotes a rejected value for an error message, shortened so a huge input is not echoed. */
  private static String quoted(Object value) {
    String text = String.valueOf(value);
    return "'" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "'";
  }

  private static String pointer(String field) {
    return "/" + field.replace('.', '/');
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatusCode status, String detail, List<FieldError> errors, HttpHeaders headers) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    if (!errors.isEmpty()) {
      body.setProperty(
          "errors",
          errors.stream()
              .map(error -> Map.of("pointer", error.pointer(), "detail", error.detail()))
              .toList());
    }
    return ResponseEntity.status(status)
        .headers(headers)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }

  @SuppressWarnings("unchecked")
  private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
    return (ResponseEntity<Object>) (ResponseEntity<?>) response;
  }
}
