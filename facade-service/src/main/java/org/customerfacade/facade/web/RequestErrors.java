package org.customerfacade.facade.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.customerfacade.facade.problem.FacadeProblem.FieldError;
import org.customerfacade.facade.problem.SafeText;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Describes invalid requests in the API's own terms: snake_case field names as the spec writes
 * them, JSON Pointers into the body, and the rejected value, so a caller can fix the request.
 */
final class RequestErrors {

  private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

  private RequestErrors() {}

  /**
   * Converts a Java property or parameter name such as {@code firstName} to the spec's name {@code
   * first_name}. Every field and parameter of the spec is snake_case, and the generators derive the
   * Java names from them.
   */
  static String apiName(String javaName) {
    return CAMEL_HUMP.matcher(javaName).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
  }

  /** Returns the JSON Pointer of a bean property path such as {@code phone.countryCode}. */
  static String pointer(String propertyPath) {
    StringBuilder pointer = new StringBuilder();
    for (String segment : propertyPath.split("\\.")) {
      pointer.append('/').append(apiName(segment.replaceAll("\\[(\\d+)]", "/$1")));
    }
    return pointer.toString();
  }

  /**
   * Quotes a rejected value, shortened so a huge input is not echoed back whole, and escaped so
   * that no control character or markup reaches the caller raw.
   */
  static String quoted(@Nullable Object value) {
    return SafeText.quoted(value);
  }

  /**
   * Describes a body that Jackson could not read: a syntax error with its position, or a value of
   * the wrong type with the pointer of its field.
   */
  static Described unreadableBody(@Nullable Throwable cause) {
    JacksonException jackson = find(cause);
    if (jackson == null) {
      return new Described(
          "The request body could not be read; send a JSON object that matches the Customer"
              + " schema.",
          List.of());
    }
    if (jackson instanceof UnrecognizedPropertyException unknown) {
      String pointer = bodyPointer(unknown.getPath());
      return new Described(
          "The member "
              + pointer
              + " is not a field of its object; remove it and send the request again.",
          List.of(new FieldError(pointer, "is not a field of this object; remove it")));
    }
    if (jackson instanceof InputCoercionException && !jackson.getPath().isEmpty()) {
      String pointer = bodyPointer(jackson.getPath());
      return new Described(
          "The number at " + pointer + " is out of range; send a smaller value.",
          List.of(new FieldError(pointer, "must be a number within the range of its type")));
    }
    if (jackson instanceof StreamReadException) {
      return new Described(
          "The request body is not valid JSON" + position(jackson.getLocation()) + ".", List.of());
    }

    String pointer = bodyPointer(jackson.getPath());
    String reason =
        jackson instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
            ? "must be " + expected(mismatch.getTargetType())
            : firstLine(jackson.getOriginalMessage());
    return new Described(
        "The field "
            + pointer
            + " has a value of the wrong type or format; correct it and send"
            + " the request again.",
        List.of(new FieldError(pointer, reason)));
  }

  private static String expected(Class<?> type) {
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (type == LocalDate.class) {
      return "a date in yyyy-MM-dd format";
    }
    if (type == UUID.class) {
      return "a UUID";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    }
    if (type == String.class) {
      return "a string";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }

  private static String bodyPointer(List<JacksonException.Reference> path) {
    if (path.isEmpty()) {
      return "/";
    }
    StringBuilder pointer = new StringBuilder();
    for (JacksonException.Reference reference : path) {
      String name = reference.getPropertyName();
      if (name != null) {
        pointer.append(SafeText.memberPointer(name));
      } else {
        pointer.append('/').append(reference.getIndex());
      }
    }
    return pointer.toString();
  }

  private static String position(@Nullable TokenStreamLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String firstLine(@Nullable String message) {
    if (message == null || message.isBlank()) {
      return "has the wrong type or format";
    }
    return SafeText.escaped(message.lines().findFirst().orElse(message));
  }

  private static @Nullable JacksonException find(@Nullable Throwable error) {
    for (Throwable current = error; current != null; current = current.getCause()) {
      if (current instanceof JacksonException jackson) {
        return jackson;
      }
    }
    return null;
  }

  /** A problem's detail and field errors. */
  record Described(String detail, List<FieldError> errors) {}
}
