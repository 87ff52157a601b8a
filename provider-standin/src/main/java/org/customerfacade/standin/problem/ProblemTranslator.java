package org.customerfacade.standin.problem;

import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.customerfacade.server.model.FieldError;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Translates the exceptions that Spring WebFlux and Jackson raise for bad requests into {@link
 * ProblemException}s whose field errors point at the offending member or parameter.
 */
@Component
public class ProblemTranslator {

  /** Errors for values that Jackson cannot convert, where the field's rule is known. */
  private static final Map<String, String> VALUE_RULES =
      Map.of(
          "/gender", "must be one of M, F, O, U",
          "/date_of_birth", "must be a valid date as yyyy-MM-dd",
          "/public_id", "must be a UUID",
          "/accept_policies", "must be an array of integer policy ids");

  /** Returns the problem for an exception; anything unexpected becomes a 500 problem. */
  public ProblemException translate(Throwable error) {
    if (error instanceof ProblemException problem) {
      return problem;
    }
    if (error instanceof WebExchangeBindException binding) {
      return fromBinding(binding);
    }
    if (error instanceof HandlerMethodValidationException validation) {
      return fromMethodValidation(validation);
    }
    if (error instanceof ConstraintViolationException violations) {
      return fromConstraintViolations(violations);
    }
    if (error instanceof ServerWebInputException input) {
      return fromInput(input);
    }
    if (error instanceof ResponseStatusException status) {
      return fromStatus(status);
    }
    return new ProblemException(
        HttpStatus.INTERNAL_SERVER_ERROR, "The request failed unexpectedly; retry later.");
  }

  private ProblemException fromBinding(WebExchangeBindException binding) {
    List<FieldError> errors = new ArrayList<>();
    for (org.springframework.validation.FieldError field : binding.getFieldErrors()) {
      errors.add(new FieldError(JsonPointers.fromPropertyPath(field.getField()), messageOf(field)));
    }
    binding.getGlobalErrors().forEach(global -> errors.add(new FieldError("/", messageOf(global))));
    return ProblemException.invalidFields(HttpStatus.BAD_REQUEST, errors);
  }

  private ProblemException fromMethodValidation(HandlerMethodValidationException validation) {
    List<FieldError> errors = new ArrayList<>();
    for (ParameterValidationResult result : validation.getParameterValidationResults()) {
      String name = nameOf(result.getMethodParameter());
      result
          .getResolvableErrors()
          .forEach(error -> errors.add(new FieldError(name, messageOf(error))));
    }
    return ProblemException.invalidFields(HttpStatus.BAD_REQUEST, errors);
  }

  private ProblemException fromConstraintViolations(ConstraintViolationException violations) {
    List<FieldError> errors = new ArrayList<>();
    violations
        .getConstraintViolations()
        .forEach(
            violation -> {
              String path = violation.getPropertyPath().toString();
              String name = path.substring(path.lastIndexOf('.') + 1);
              errors.add(new FieldError(name, violation.getMessage()));
            });
    return ProblemException.invalidFields(HttpStatus.BAD_REQUEST, errors);
  }

  private ProblemException fromInput(ServerWebInputException input) {
    if (input instanceof MissingRequestValueException missing) {
      String detail = "The " + missing.getLabel() + " '" + missing.getName() + "' is missing.";
      return ProblemException.badRequest(detail + " Send it and try again.");
    }
    JacksonException jackson = findCause(input, JacksonException.class);
    if (jackson != null) {
      return fromJackson(jackson);
    }
    MethodParameter parameter = input.getMethodParameter();
    if (parameter != null && parameter.hasParameterAnnotation(RequestBody.class)) {
      return ProblemException.badRequest(
          "The request body is missing or unreadable; send a JSON object.");
    }
    if (parameter != null && input.getCause() != null) {
      String name = nameOf(parameter);
      FieldError error = new FieldError(name, "has an invalid value; " + ruleOf(parameter));
      return ProblemException.invalidFields(HttpStatus.BAD_REQUEST, List.of(error));
    }
    return ProblemException.badRequest("Invalid request: " + reasonOf(input) + ".");
  }

  private ProblemException fromJackson(JacksonException jackson) {
    boolean valueError =
        jackson instanceof DatabindException || jackson instanceof InputCoercionException;
    if (!valueError && jackson instanceof StreamReadException) {
      String detail = "The request body is not valid JSON: " + jackson.getOriginalMessage();
      return ProblemException.badRequest(detail);
    }
    String pointer = JsonPointers.fromJacksonPath(jackson.getPath());
    FieldError error = new FieldError(pointer, valueRuleOf(pointer, jackson));
    return ProblemException.invalidFields(HttpStatus.BAD_REQUEST, List.of(error));
  }

  private static String valueRuleOf(String pointer, JacksonException jackson) {
    if (jackson instanceof UnrecognizedPropertyException) {
      return "is not a known field; remove it";
    }
    String rule = VALUE_RULES.get(pointer);
    if (rule != null) {
      return rule;
    }
    if (jackson instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "has a value of the wrong type; send a " + typeName(mismatch.getTargetType());
    }
    return "has an invalid value";
  }

  private static String typeName(Class<?> type) {
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
      return "JSON number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "JSON boolean";
    }
    if (type == String.class || type.isEnum()) {
      return "JSON string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "JSON array";
    }
    return "JSON object";
  }

  private static ProblemException fromStatus(ResponseStatusException status) {
    String detail =
        switch (status.getStatusCode().value()) {
          case 404 -> "No resource matches this path; check the URL.";
          case 405 -> "This method is not supported on this path.";
          case 406 -> "The Accept header asks for a media type that this path cannot produce.";
          case 415 -> "The Content-Type is not supported; send application/json.";
          default -> "The request failed: " + reasonOf(status) + ".";
        };
    return new ProblemException(status.getStatusCode(), detail);
  }

  private static String ruleOf(MethodParameter parameter) {
    Class<?> type = parameter.getParameterType();
    if (type == Long.class || type == long.class) {
      return "send a positive integer";
    }
    if (type == java.util.UUID.class) {
      return "send a UUID";
    }
    return "check its format";
  }

  /** Returns the HTTP name of a parameter: its path variable, query or header name. */
  private static String nameOf(MethodParameter parameter) {
    PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
    if (path != null && !path.value().isEmpty()) {
      return path.value();
    }
    RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
    if (query != null && !query.value().isEmpty()) {
      return query.value();
    }
    RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
    if (header != null && !header.value().isEmpty()) {
      return header.value();
    }
    String name = parameter.getParameterName();
    return name != null ? name : "parameter " + parameter.getParameterIndex();
  }

  private static String messageOf(MessageSourceResolvable error) {
    String message = error.getDefaultMessage();
    return message != null ? message : "is invalid";
  }

  private static String reasonOf(ResponseStatusException status) {
    String reason = status.getReason();
    return reason != null ? reason : status.getStatusCode().toString();
  }

  private static <T extends Throwable> @Nullable T findCause(Throwable error, Class<T> type) {
    Throwable current = error;
    while (current != null) {
      if (type.isInstance(current)) {
        return type.cast(current);
      }
      current = current.getCause() == current ? null : current.getCause();
    }
    return null;
  }
}
