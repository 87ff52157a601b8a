package org.customerfacade.facade.tracing;

import org.jspecify.annotations.Nullable;

/**
 * Reader of a W3C Trace Context {@code traceparent} header (version, trace id, parent id and flags,
 * separated by dashes) for code that runs where no span exists.
 *
 * <p>A value is read only when it follows the standard, because the tracer starts a new trace for
 * any other value, and a trace id read from it would name a trace the request is not in.
 */
public final class Traceparent {

  /** Name of the header. */
  public static final String HEADER = "traceparent";

  private static final int TRACE_ID_START = 3;
  private static final int TRACE_ID_END = 35;
  private static final int PARENT_ID_START = 36;
  private static final int PARENT_ID_END = 52;
  private static final int FLAGS_START = 53;

  /** Length of a version-00 value; later versions may append fields after a dash. */
  private static final int LENGTH = 55;

  private Traceparent() {}

  /** Returns the trace id of a valid value, or null. */
  public static @Nullable String traceId(@Nullable String traceparent) {
    return isValid(traceparent) ? traceparent.substring(TRACE_ID_START, TRACE_ID_END) : null;
  }

  /** Returns whether a valid value has its sampled flag set. */
  public static boolean isSampled(@Nullable String traceparent) {
    return isValid(traceparent) && (Character.digit(traceparent.charAt(LENGTH - 1), 16) & 1) == 1;
  }

  /**
   * Returns whether a value follows the standard: lower-case hex fields, a version other than
   * {@code ff}, exactly 55 characters for version 00, and trace and parent ids that are not all
   * zero.
   */
  static boolean isValid(@Nullable String traceparent) {
    if (traceparent == null || traceparent.length() < LENGTH) {
      return false;
    }
    if (!isHex(traceparent, 0, 2, false) || traceparent.startsWith("ff")) {
      return false;
    }
    if (traceparent.startsWith("00")
        ? traceparent.length() != LENGTH
        : traceparent.length() > LENGTH && traceparent.charAt(LENGTH) != '-') {
      return false;
    }
    return traceparent.charAt(TRACE_ID_START - 1) == '-'
        && traceparent.charAt(TRACE_ID_END) == '-'
        && traceparent.charAt(PARENT_ID_END) == '-'
        && isHex(traceparent, TRACE_ID_START, TRACE_ID_END, true)
        && isHex(traceparent, PARENT_ID_START, PARENT_ID_END, true)
        && isHex(traceparent, FLAGS_START, LENGTH, false);
  }

  /**
   * Returns whether the characters from {@code start} to {@code end} are lower-case hex digits, not
   * all zero when {@code nonZero} is set.
   */
  private static boolean isHex(String value, int start, int end, boolean nonZero) {
    boolean allZero = true;
    for (int i = start; i < end; i++) {
      char c = value.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
      allZero &= c == '0';
    }
    return !(nonZero && allZero);
  }
}
