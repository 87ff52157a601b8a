package org.customerfacade.facade.tracing;

import org.jspecify.annotations.Nullable;

/**
 * Reads the fields of a W3C Trace Context {@code traceparent} header (version 00: version, trace
 * id, parent id and flags, separated by dashes) for code that runs where no span exists.
 */
public final class Traceparent {

  /** Name of the header. */
  public static final String HEADER = "traceparent";

  private static final int TRACE_ID_START = 3;
  private static final int TRACE_ID_END = 35;

  /** Length of a version-00 value. */
  private static final int LENGTH = 55;

  private Traceparent() {}

  /**
   * Returns the trace id of a value, or null when the value does not start with a version, a dash
   * and 32 lower-case hex digits that are not all zero.
   */
  public static @Nullable String traceId(@Nullable String traceparent) {
    if (traceparent == null
        || traceparent.length() < TRACE_ID_END + 1
        || traceparent.charAt(2) != '-'
        || traceparent.charAt(TRACE_ID_END) != '-') {
      return null;
    }
    boolean allZero = true;
    for (int i = TRACE_ID_START; i < TRACE_ID_END; i++) {
      char c = traceparent.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return null;
      }
      allZero &= c == '0';
    }
    // The standard declares an all-zero trace id invalid, and tracers start a new trace for it.
    return allZero ? null : traceparent.substring(TRACE_ID_START, TRACE_ID_END);
  }

  /** Returns whether a value has its sampled flag set. */
  public static boolean isSampled(@Nullable String traceparent) {
    if (traceparent == null || traceparent.length() < LENGTH) {
      return false;
    }
    int flags = Character.digit(traceparent.charAt(LENGTH - 1), 16);
    return traceparent.charAt(LENGTH - 3) == '-' && flags >= 0 && (flags & 1) == 1;
  }
}
