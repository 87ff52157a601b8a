package org.customerfacade.facade.problem;

import org.jspecify.annotations.Nullable;

/**
 * Makes caller input safe to quote in a problem document: cut to {@link #MAX_CODE_POINTS} code
 * points, with control characters, invisible format characters such as bidirectional overrides, and
 * the markup and quoting characters {@code < > & " ' ` \} written as {@code \}{@code uXXXX}.
 */
public final class SafeText {

  /** Maximum length of a caller's value that a problem quotes, in Unicode code points. */
  public static final int MAX_CODE_POINTS = 80;

  private static final String MARKUP = "<>&\"'`\\";

  private SafeText() {}

  /** Returns a value as {@code 'text'}, shortened and escaped. */
  public static String quoted(@Nullable Object value) {
    return "'" + escaped(String.valueOf(value)) + "'";
  }

  /**
   * Returns the JSON Pointer (RFC 6901) of a top-level member of the request body, with the name
   * shortened and escaped like a quoted value.
   */
  public static String memberPointer(String name) {
    return "/" + escaped(name.replace("~", "~0").replace("/", "~1"));
  }

  /** Returns text shortened to {@link #MAX_CODE_POINTS} code points, with unsafe ones escaped. */
  public static String escaped(String text) {
    StringBuilder safe = new StringBuilder();
    int count = 0;
    for (int offset = 0; offset < text.length(); ) {
      if (count == MAX_CODE_POINTS) {
        return safe.append('…').toString();
      }
      int codePoint = text.codePointAt(offset);
      appendSafe(safe, codePoint);
      offset += Character.charCount(codePoint);
      count++;
    }
    return safe.toString();
  }

  private static void appendSafe(StringBuilder safe, int codePoint) {
    if (isUnsafe(codePoint)) {
      safe.append(String.format("\\u%04X", codePoint));
    } else {
      safe.appendCodePoint(codePoint);
    }
  }

  private static boolean isUnsafe(int codePoint) {
    int category = Character.getType(codePoint);
    return Character.isISOControl(codePoint)
        || category == Character.FORMAT
        || category == Character.SURROGATE
        || category == Character.LINE_SEPARATOR
        || category == Character.PARAGRAPH_SEPARATOR
        || category == Character.UNASSIGNED
        || MARKUP.indexOf(codePoint) >= 0;
  }
}
