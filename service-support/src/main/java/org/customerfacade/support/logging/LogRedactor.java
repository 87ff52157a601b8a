package org.customerfacade.support.logging;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Removes secrets and personal data from text that is about to be logged.
 *
 * <p>It replaces credentials after {@code Bearer} or {@code Basic}, JWTs, email addresses (also
 * percent-encoded), phone numbers written with a leading {@code +}, and the value of every field
 * whose name marks it as personal data (names, email, phone, address fields, date of birth,
 * company), as a custom field ({@code cf_...}, whose value may be personal) or as a secret (API
 * keys, tokens, {@code Authorization}, the gateway secret, passwords). A field's value is found in
 * JSON ({@code "email":"..."}), in {@code key=value} or {@code key: value} form, in Spring's header
 * maps ({@code X-Api-Key:"..."}) and in camel-case {@code toString()} output ({@code firstName:
 * Ada}).
 *
 * <p>Most log strings (ids, logger names, fixed messages) contain none of the characters that the
 * rules need, so a single scan over the characters decides which rules run at all, and the regular
 * expressions run only on strings that could match.
 *
 * <p>NOTE: a name in free text, outside such a field, cannot be recognised and is not removed; code
 * must not log it in the first place.
 */
public final class LogRedactor {

  /** Replacement of a removed value. */
  public static final String REDACTED = "<redacted>";

  private static final String PERSONAL_FIELDS =
      "first[-_]?name|last[-_]?name|full[-_]?name|e-?mail|phone|mobile|number|address[-_]?[12]"
          + "|address[-_]?line[-_]?[12]|address|city|county|post[-_]?code|zip|company"
          + "|date[-_]?of[-_]?birth|birthday|cf_[a-z0-9_]+";

  private static final String SECRET_FIELDS =
      "api[-_]?key|x-api-key|access[-_]?token|token|secret|password|authorization|credentials"
          + "|x-gateway-secret|token[-_]?sha256";

  /**
   * Lower-case name parts: every name in {@link #PERSONAL_FIELDS} and {@link #SECRET_FIELDS}
   * contains at least one. The field pattern tries every name at every position of a string, about
   * 20 us for a 100-character message in {@code LogRedactorBenchmark}, so it runs only on text that
   * contains one of these parts.
   */
  private static final List<String> FIELD_NAME_PARTS =
      List.of(
          "name",
          "mail",
          "phone",
          "mobile",
          "number",
          "address",
          "city",
          "county",
          "code",
          "zip",
          "company",
          "birth",
          "cf_",
          "key",
          "token",
          "secret",
          "password",
          "authorization",
          "credentials");

  /** A JSON string, with escaped quotes inside it. */
  private static final String QUOTED = "\"(?:[^\"\\\\]|\\\\.)*\"";

  private static final String SINGLE_QUOTED = "'[^']*'";

  /**
   * An unquoted value: one word, then further words as long as none of them is the next {@code
   * key=} or {@code key:}, so that {@code number: 20 7946 0000} loses every group of digits while
   * {@code first_name=Ada last_name=Lovelace} keeps its second key.
   */
  private static final String UNQUOTED =
      "[^\\s\"',;&()\\[\\]{}<>]+(?:[ ](?![^\\s=:]*[=:])[^\\s\"',;&()\\[\\]{}<>=:]+)*";

  private static final Pattern CREDENTIAL =
      Pattern.compile("(?i)\\b(bearer|basic)(\\s+)[A-Za-z0-9\\-._~+/]+=*");

  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

  private static final Pattern FIELD =
      Pattern.compile(
          "(?i)((?:"
              + PERSONAL_FIELDS
              + "|"
              + SECRET_FIELDS
              + ")\"?\\s*[=:]\\s*)("
              + QUOTED
              + "|"
              + SINGLE_QUOTED
              + "|"
              + UNQUOTED
              + ")");

  /**
   * An email, plain or percent-encoded. The lookbehind lets a match start only where a run of
   * local-part characters starts: tried from every position inside a long run such as {@code
   * a%40a%40...}, the pattern took time quadratic in the run's length (1.6 s for 7,900 characters
   * of a request line). Every match still starts where it did, because the leftmost start of a
   * match is always the start of its run.
   */
  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");

  private static final Pattern PHONE = Pattern.compile("\\+[0-9][0-9 ().-]{5,}[0-9]");

  private static final int CREDENTIAL_RULE = 1;
  private static final int JWT_RULE = 1 << 1;
  private static final int FIELD_RULE = 1 << 2;
  private static final int EMAIL_RULE = 1 << 3;
  private static final int PHONE_RULE = 1 << 4;

  private LogRedactor() {}

  /** Returns the text with every secret and personal value replaced, or the text itself. */
  public static @Nullable String redact(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    int rules = rulesThatMayMatch(text);
    if (rules == 0) {
      return text;
    }

    String redacted = text;
    if ((rules & CREDENTIAL_RULE) != 0) {
      redacted = replace(CREDENTIAL, redacted, "$1$2" + REDACTED);
    }
    if ((rules & JWT_RULE) != 0 && redacted.contains("eyJ")) {
      redacted = replace(JWT, redacted, "<jwt>");
    }
    if ((rules & FIELD_RULE) != 0 && mentionsFieldName(redacted)) {
      redacted = replaceFieldValues(redacted);
    }
    if ((rules & EMAIL_RULE) != 0) {
      redacted = replace(EMAIL, redacted, "<email>");
    }
    if ((rules & PHONE_RULE) != 0) {
      redacted = replace(PHONE, redacted, "<phone>");
    }
    return redacted;
  }

  /** Returns the bits of the rules whose required characters occur in the text. */
  private static int rulesThatMayMatch(String text) {
    int rules = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case ' ', '\t', '\n', '\r' -> {
          if (endsWithCredentialScheme(text, i)) {
            rules |= CREDENTIAL_RULE;
          }
        }
        case '.' -> rules |= JWT_RULE;
        case '=', ':' -> rules |= FIELD_RULE;
        case '@', '%' -> rules |= EMAIL_RULE;
        case '+' -> rules |= PHONE_RULE;
        default -> {}
      }
    }
    return rules;
  }

  private static boolean endsWithCredentialScheme(String text, int end) {
    return end >= 6 && text.regionMatches(true, end - 6, "bearer", 0, 6)
        || end >= 5 && text.regionMatches(true, end - 5, "basic", 0, 5);
  }

  private static boolean mentionsFieldName(String text) {
    String lowerCase = text.toLowerCase(Locale.ROOT);
    for (String part : FIELD_NAME_PARTS) {
      if (lowerCase.contains(part)) {
        return true;
      }
    }
    return false;
  }

  private static String replaceFieldValues(String text) {
    Matcher matcher = FIELD.matcher(text);
    if (!matcher.find()) {
      return text;
    }
    StringBuilder result = new StringBuilder(text.length());
    do {
      char first = matcher.group(2).charAt(0);
      boolean quoted = first == '"' || first == '\'';
      matcher.appendReplacement(result, "");
      result.append(matcher.group(1));
      if (quoted) {
        result.append(first).append(REDACTED).append(first);
      } else {
        result.append(REDACTED);
      }
    } while (matcher.find());
    matcher.appendTail(result);
    return result.toString();
  }

  private static String replace(Pattern pattern, String text, String replacement) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.replaceAll(replacement) : text;
  }
}
