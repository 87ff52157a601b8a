package org.customerfacade.gateway.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets and personal data from text that is about to be logged: email addresses (also
 * percent-encoded), bearer tokens, JWTs, values of secret-looking keys such as {@code api_key=} or
 * {@code "token":}, and values of the Customer API's personal-data fields in JSON or {@code
 * key=value} form.
 *
 * <p>NOTE: a name or phone number in free text, outside such a field, cannot be recognised and is
 * not removed; code must not log it in the first place.
 */
public final class LogRedactor {

  private static final String PERSONAL_FIELDS =
      "first_name|last_name|email|phone|mobile|address_line_1|address_line_2|address|city"
          + "|postcode|date_of_birth|birthday";

  private static final String SECRET_KEYS =
      "api[-_]?key|x-api-key|access[-_]?token|token|secret|password|authorization"
          + "|x-gateway-secret|token[-_]sha256";

  private static final List<Replacement> REPLACEMENTS =
      List.of(
          new Replacement("(?i)(bearer\\s+)[A-Za-z0-9\\-._~+/]+=*", "$1<redacted>"),
          new Replacement("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*", "<jwt>"),
          new Replacement(
              "(?i)(\"(?:" + PERSONAL_FIELDS + "|" + SECRET_KEYS + ")\"\\s*:\\s*)\"[^\"]*\"",
              "$1\"<redacted>\""),
          new Replacement(
              "(?i)((?:" + PERSONAL_FIELDS + "|" + SECRET_KEYS + ")\\s*[=:]\\s*)[^\\s\"',;&]+",
              "$1<redacted>"),
          new Replacement(
              "[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+", "<email>"));

  private LogRedactor() {}

  /** Returns the text with every match of the rules above replaced. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String redacted = text;
    for (Replacement replacement : REPLACEMENTS) {
      redacted = replacement.apply(redacted);
    }
    return redacted;
  }

  private record Replacement(Pattern pattern, String replacement) {

    Replacement(String regex, String replacement) {
      this(Pattern.compile(regex), replacement);
    }

    String apply(String text) {
      Matcher matcher = pattern.matcher(text);
      return matcher.find() ? matcher.replaceAll(replacement) : text;
    }
  }
}
