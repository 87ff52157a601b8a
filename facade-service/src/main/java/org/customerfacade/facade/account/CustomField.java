package org.customerfacade.facade.account;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One custom field of an account: its {@code cf_} name, its type and, for a choice, its options.
 *
 * @param name the field's name, starting with {@code cf_}
 * @param type the input type, which fixes the JSON type of the value
 * @param options the values a choice field accepts; empty for every other type
 */
public record CustomField(String name, CustomFieldType type, List<String> options) {

  /** Prefix that every custom field's name starts with. */
  public static final String PREFIX = "cf_";

  public CustomField {
    options = List.copyOf(options);
  }

  /**
   * Checks a value read from a request body against the field's type. A JSON null is valid for
   * every type: on a create it leaves the field unset, on an update it clears it.
   *
   * @return the rule the value breaks, or empty when it is valid
   */
  public Optional<String> findProblem(@Nullable Object value) {
    if (value == null) {
      return Optional.empty();
    }
    return switch (type) {
      case TEXT -> expect(value instanceof String, "must be a JSON string");
      case NUMBER -> expect(isFiniteNumber(value), "must be a finite JSON number");
      case BOOLEAN -> expect(value instanceof Boolean, "must be a JSON boolean, true or false");
      case DATE ->
          expect(
              value instanceof String text && isDate(text), "must be a date string as yyyy-MM-dd");
      case CHOICE ->
          expect(
              value instanceof String text && options.contains(text),
              "must be one of the strings " + String.join(", ", options));
    };
  }

  /** Describes what the field accepts, for error messages that list an account's fields. */
  public String describe() {
    if (type == CustomFieldType.CHOICE) {
      return name + " (choice of " + String.join(", ", options) + ")";
    }
    return name + " (" + type.name().toLowerCase(Locale.ROOT) + ")";
  }

  private static Optional<String> expect(boolean valid, String rule) {
    return valid ? Optional.empty() : Optional.of(rule);
  }

  private static boolean isFiniteNumber(Object value) {
    if (value instanceof Double number) {
      return Double.isFinite(number);
    }
    if (value instanceof Float number) {
      return Float.isFinite(number);
    }
    return value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof BigInteger
        || value instanceof BigDecimal;
  }

  private static boolean isDate(String text) {
    try {
      LocalDate.parse(text);
      return true;
    } catch (DateTimeParseException notADate) {
      return false;
    }
  }
}
