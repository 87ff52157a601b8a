package org.customerfacade.facade.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Path.MethodNode;
import jakarta.validation.Path.ParameterNode;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.customerfacade.facade.problem.FacadeProblem;
import org.customerfacade.facade.problem.FacadeProblem.FieldError;
import org.customerfacade.facade.web.RequestErrors.Described;
import org.customerfacade.support.logging.TraceLogging;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedMethod;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.ReflectionUtils;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerErrorException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Renders every error as {@code application/problem+json}, with an {@code errors} list of {@code
 * {pointer, detail}} where the fault lies in one part of the request. Field and parameter names are
 * the spec's snake_case names, not the generated Java names.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

  /**
   * Type of every problem the facade writes. RFC 9457 defines {@code about:blank} as a problem with
   * no meaning beyond its status. Spring leaves the member out unless it is set.
   */
  private static final URI BLANK_TYPE = URI.create("about:blank");

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
        violation.getConstraintViolations().stream().map(ProblemResponses::fieldError).toList();
    return problem(HttpStatus.BAD_REQUEST, invalidParameters(errors), errors, new HttpHeaders());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> handleNoResource(NoResourceFoundException notFound) {
    return unknownPath(new HttpHeaders());
  }

  /** A request that matches no operation; Spring's own 404 here carries no detail. */
  @Override
  protected Mono<ResponseEntity<Object>> handleResponseStatusException(
      ResponseStatusException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    if (status.value() == HttpStatus.NOT_FOUND.value()) {
      return Mono.just(asObject(unknownPath(headers)));
    }
    return super.handleResponseStatusException(ex, headers, status, exchange);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> handleUnexpected(Exception error, ServerWebExchange exchange) {
    TraceLogging.withTrace(log.atError(), exchange)
        .setCause(error)
        .log("Request failed unexpectedly");
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "The request failed unexpectedly; retry later, and report it with its X-Request-Id if it"
            + " persists.",
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
                        RequestErrors.pointer(error.getField()),
                        error.getDefaultMessage()
                            + ", but was "
                            + RequestErrors.quoted(error.getRejectedValue())))
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
        ex.getParameterValidationResults().stream().flatMap(ProblemResponses::fieldErrors).toList();
    return Mono.just(
        asObject(problem(HttpStatus.BAD_REQUEST, invalidParameters(errors), errors, headers)));
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
    MethodParameter parameter = ex.getMethodParameter();
    if (parameter == null || parameter.hasParameterAnnotation(RequestBody.class)) {
      Described body = RequestErrors.unreadableBody(ex.getCause());
      return Mono.just(asObject(problem(status, body.detail(), body.errors(), headers)));
    }
    return Mono.just(asObject(wrongParameterType(parameter, headers)));
  }

  /**
   * Turns a path variable that converts to nothing, such as an id of only spaces, into a 400.
   * Spring reports it as a missing variable and so as a server error, but the caller sent an
   * invalid id.
   */
  @Override
  protected Mono<ResponseEntity<Object>> handleServerErrorException(
      ServerErrorException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    MethodParameter parameter = ex.getMethodParameter();
    if (parameter != null && parameter.getParameterName() != null) {
      return Mono.just(asObject(wrongParameterType(parameter, headers)));
    }
    return super.handleServerErrorException(ex, headers, status, exchange);
  }

  private static ResponseEntity<ProblemDetail> wrongParameterType(
      MethodParameter parameter, HttpHeaders headers) {
    String name = apiName(parameter);
    String expected =
        Number.class.isAssignableFrom(parameter.getParameterType())
            ? "a positive integer"
            : "a " + parameter.getParameterType().getSimpleName();
    return problem(
        HttpStatus.BAD_REQUEST,
        "The value of '" + name + "' must be " + expected + ".",
        List.of(new FieldError(name, "must be " + expected)),
        headers);
  }

  private static ResponseEntity<ProblemDetail> unknownPath(HttpHeaders headers) {
    return problem(
        HttpStatus.NOT_FOUND,
        "No Customer API operation has this path; the paths are /customer and /customer/{id}.",
        List.of(),
        headers);
  }

  private static String invalidParameters(List<FieldError> errors) {
    return "Invalid request parameter(s): "
        + errors.stream().map(FieldError::pointer).toList()
        + ". Correct them and send the request again.";
  }

  private static Stream<FieldError> fieldErrors(ParameterValidationResult result) {
    String name = apiName(result.getMethodParameter());
    return result.getResolvableErrors().stream()
        .map(
            error ->
                new FieldError(
                    name,
                    error.getDefaultMessage()
                        + ", but was "
                        + RequestErrors.quoted(result.getArgument())));
  }

  /**
   * Returns the name a caller knows a parameter by: the header's or query parameter's own name, as
   * the spec spells it, else the Java name in snake_case.
   */
  private static String apiName(MethodParameter parameter) {
    MethodParameter annotated = withInterfaceAnnotations(parameter);
    RequestHeader header = annotated.getParameterAnnotation(RequestHeader.class);
    if (header != null && !header.value().isEmpty()) {
      return header.value();
    }
    RequestParam query = annotated.getParameterAnnotation(RequestParam.class);
    if (query != null && !query.value().isEmpty()) {
      return query.value();
    }
    return RequestErrors.apiName(String.valueOf(parameter.getParameterName()));
  }

  /**
   * Returns the parameter with the annotations of the generated interface that the controller
   * implements, where the header and query parameter names are declared.
   */
  private static MethodParameter withInterfaceAnnotations(MethodParameter parameter) {
    Method method = parameter.getMethod();
    if (method == null || parameter.getParameterIndex() < 0) {
      return parameter;
    }
    return new AnnotatedMethod(method).getMethodParameters()[parameter.getParameterIndex()];
  }

  private static FieldError fieldError(ConstraintViolation<?> violation) {
    String name = violatedParameter(violation);
    return new FieldError(
        name,
        violation.getMessage() + ", but was " + RequestErrors.quoted(violation.getInvalidValue()));
  }

  /**
   * Returns the API name of the parameter a violation is about: the header's or query parameter's
   * own name when the violated method and parameter can be found, else the last path segment in
   * snake_case.
   */
  private static String violatedParameter(ConstraintViolation<?> violation) {
    Method method = null;
    int index = -1;
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.METHOD) {
        MethodNode methodNode = node.as(MethodNode.class);
        method =
            ReflectionUtils.findMethod(
                violation.getRootBeanClass(),
                methodNode.getName(),
                methodNode.getParameterTypes().toArray(Class<?>[]::new));
      } else if (node.getKind() == ElementKind.PARAMETER) {
        index = node.as(ParameterNode.class).getParameterIndex();
      }
    }
    if (method != null && index >= 0) {
      return apiName(new MethodParameter(method, index));
    }
    String path = violation.getPropertyPath().toString();
    return RequestErrors.apiName(path.substring(path.lastIndexOf('.') + 1));
  }

  /**
   * Sets the blank type, and a detail where Spring gave none, on the problems that Spring's own
   * handlers build, such as the 413 and 415.
   */
  @Override
  protected Mono<ResponseEntity<Object>> createResponseEntity(
      @Nullable Object body,
      @Nullable HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    if (body instanceof ProblemDetail problem) {
      if (problem.getType() == null) {
        problem.setType(BLANK_TYPE);
      }
      if (problem.getDetail() == null) {
        problem.setDetail(defaultDetail(status));
      }
    }
    return super.createResponseEntity(body, headers, status, exchange);
  }

  /** Returns what to do about a problem that Spring built without a detail. */
  private static String defaultDetail(HttpStatusCode status) {
    return switch (status.value()) {
      case 413 ->
          "The request body is larger than the facade accepts; send a smaller body with only the"
              + " fields that change.";
      case 415 -> "Send the request body as JSON with the header Content-Type: application/json.";
      case 405 -> "The path does not support this method; see the API's operations.";
      case 406 -> "The API answers only application/json; accept it or send no Accept header.";
      default -> "The request failed with status " + status.value() + ".";
    };
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatusCode status, String detail, List<FieldError> errors, HttpHeaders headers) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setType(BLANK_TYPE);
    if (!errors.isEmpty()) {
      // The records serialize as {pointer, detail}, in that order.
      body.setProperty("errors", errors);
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
