package org.customerfacade.standin.customfield;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Definition of one custom field of an instance: its {@code cf_} name, type and, for a choice
 * field, its options.
 */
public record CustomFieldDefinition(String name, CustomFieldType type, List<String> options) {

  public CustomFieldDefinition {
    options = List.copyOf(options);
  }

  /**
   * Checks a value received in JSON against the field's type.
   *
   * @return what is wrong with the value, or empty when it is valid
   */
  public Optional<String> findProblem(Object value) {
    return switch (type) {
      case TEXT -> expect(value instanceof String, "must be a JSON string");
      case NUMBER -> expect(value instanceof Number, "must be a JSON number");
      case BOOLEAN -> expect(value instanceof Boolean, "must be a JSON boolean (true or false)");
      case DATE ->
          expect(value instanceof String text && isDate(text), "must be a date as yyyy-MM-dd");
      case CHOICE ->
          expect(
              value instanceof String text && options.contains(text),
              "must be one of " + String.join(", ", options));
    };
  }

  /**
   * Converts a value written as text in the configuration, such as a seed customer's field.
   *
   * @return the value typed as JSON would carry it, or empty when the text does not fit the type
   */
  public Optional<Object> parse(String text) {
    Object value =
        switch (type) {
          case NUMBER -> parseNumber(text);
          case BOOLEAN -> parseBoolean(text);
          default -> text;
        };
    if (value == null || findProblem(value).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** Returns the value that a customer without a stored value reads. */
  public Object defaultValue() {
    return type == CustomFieldType.BOOLEAN ? Boolean.FALSE : "";
  }

  /**
   * Returns the value to send for a stored value: the default when nothing is stored, or when a
   * stored choice is no longer one of the options.
   */
  public Object read(@Nullable Object stored) {
    if (stored == null || findProblem(stored).isPresent()) {
      return defaultValue();
    }
    return stored;
  }

  private static Optional<String> expect(boolean valid, String problem) {
    return valid ? Optional.empty() : Optional.of(problem);
  }

  private static boolean isDate(String text) {
    try {
      LocalDate.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static @Nullable Object parseNumber(String text) {
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static @Nullable Object parseBoolean(String text) {
    return switch (text.trim()) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> null;
    };
  }
}
