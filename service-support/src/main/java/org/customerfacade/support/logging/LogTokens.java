package org.customerfacade.support.logging;

import org.jspecify.annotations.Nullable;

/**
 * Header values that an access log may write as they are. A caller can put anything in a header,
 * and redaction only recognises a secret or a personal value by what surrounds it, so access logs
 * keep a header value only when it has the shape of an id.
 */
public final class LogTokens {

  /** Written for a missing value. */
  public static final String NONE = "-";

  /** Written instead of a value that is not a plain token. */
  public static final String INVALID = "invalid";

  private static final int MAX_LENGTH = 64;

  private LogTokens() {}

  /**
   * Returns the value when it is 1 to 64 letters, digits, dots, dashes or underscores, as request
   * ids, consumer ids and account names are, {@value #NONE} for null, and {@value #INVALID} for
   * anything else.
   */
  public static String plainToken(@Nullable String value) {
    if (value == null) {
      return NONE;
    }
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      return INVALID;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '-'
              || c == '_';
      if (!plain) {
        return INVALID;
      }
    }
    return value;
  }
}
