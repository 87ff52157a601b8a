package org.customerfacade.gateway.problem;

import java.nio.charset.StandardCharsets;

/**
 * Makes caller input safe to put in a problem detail or a log line: every byte outside letters,
 * digits and {@code -._~/} is percent-encoded, so quotes, angle brackets, control characters and
 * line breaks never appear as they were sent, and long input is cut short.
 */
public final class SafeText {

  /** Maximum characters of input kept before the cut. */
  static final int MAX_LENGTH = 100;

  private SafeText() {}

  /** Returns the input with unsafe bytes percent-encoded, cut after {@link #MAX_LENGTH} chars. */
  public static String of(String input) {
    if (input == null) {
      return "";
    }

    boolean cut = input.length() > MAX_LENGTH;
    String head = cut ? input.substring(0, MAX_LENGTH) : input;
    StringBuilder safe = new StringBuilder(head.length() + 16);
    for (byte b : head.getBytes(StandardCharsets.UTF_8)) {
      appendSafe(safe, b & 0xFF);
    }
    return cut ? safe.append("...").toString() : safe.toString();
  }

  private static void appendSafe(StringBuilder safe, int b) {
    if (isSafe(b)) {
      safe.append((char) b);
    } else {
      safe.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)));
      safe.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
    }
  }

  private static boolean isSafe(int b) {
    return (b >= 'a' && b <= 'z')
        || (b >= 'A' && b <= 'Z')
        || (b >= '0' && b <= '9')
        || b == '-'
        || b == '.'
        || b == '_'
        || b == '~'
        || b == '/';
  }
}
