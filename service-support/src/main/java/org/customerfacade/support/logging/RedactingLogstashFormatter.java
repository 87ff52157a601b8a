package org.customerfacade.support.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

/**
 * Writes each Logback event as one Logstash JSON object per line, with every string that may carry
 * request data (message, MDC values, key-value pairs, marker names, stack trace) passed through
 * {@link LogRedactor}.
 *
 * <p>The services name this class in {@code logging.structured.format.console} (and {@code .file})
 * instead of Boot's built-in {@code logstash} format. It writes Boot's member names in Boot's
 * order, so log shippers see no difference. The access log writes one line per request, and Boot's
 * general JSON writer with a redacting value processor took about a third of the facade's CPU
 * samples on a cache hit (JFR, {@code bench/FINDINGS.md}). This writer appends straight to one
 * buffer instead.
 *
 * <p>Logback fills the timestamp, logger name, thread name and level itself, so those are escaped
 * but not redacted. Numbers and booleans in key-value pairs stay JSON numbers and booleans.
 */
public class RedactingLogstashFormatter implements StructuredLogFormatter<ILoggingEvent> {

  private static final int INITIAL_CAPACITY = 512;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final ZoneId zone = ZoneId.systemDefault();

  /** The timestamp's text up to the second, and its offset, for the second of the last event. */
  private volatile Second lastSecond = new Second(Long.MIN_VALUE, "", "");

  @Override
  public String format(ILoggingEvent event) {
    StringBuilder json = new StringBuilder(INITIAL_CAPACITY);
    json.append("{\"@timestamp\":\"");
    appendTimestamp(json, event.getInstant());
    json.append("\",\"@version\":\"1\"");
    appendMember(json, "message", LogRedactor.redact(event.getFormattedMessage()));
    appendMember(json, "logger_name", event.getLoggerName());
    appendMember(json, "thread_name", event.getThreadName());
    appendMember(json, "level", event.getLevel().toString());
    json.append(",\"level_value\":").append(event.getLevel().toInt());

    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc != null) {
      for (Map.Entry<String, String> entry : mdc.entrySet()) {
        appendMember(json, entry.getKey(), LogRedactor.redact(entry.getValue()));
      }
    }
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs != null) {
      for (KeyValuePair pair : pairs) {
        appendPair(json, pair);
      }
    }
    List<Marker> markers = event.getMarkerList();
    if (markers != null && !markers.isEmpty()) {
      appendTags(json, markers);
    }
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      appendMember(json, "stack_trace", LogRedactor.redact(ThrowableProxyUtil.asString(thrown)));
    }
    return json.append("}\n").toString();
  }

  @Override
  public byte[] formatAsBytes(ILoggingEvent event, Charset charset) {
    return format(event).getBytes(charset);
  }

  /**
   * Appends the instant as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} prints it, as Boot's
   * format does. Only the fraction changes within a second, so the rest is formatted once per
   * second: the general formatter took a tenth of this class's time per line ({@code
   * LogFormatterBenchmark}).
   */
  private void appendTimestamp(StringBuilder json, @Nullable Instant instant) {
    Instant at = instant != null ? instant : Instant.EPOCH;
    Second second = lastSecond;
    if (second.epochSecond() != at.getEpochSecond()) {
      OffsetDateTime time =
          OffsetDateTime.ofInstant(Instant.ofEpochSecond(at.getEpochSecond()), zone);
      second =
          new Second(
              at.getEpochSecond(),
              DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time.toLocalDateTime()),
              time.getOffset().getId());
      lastSecond = second;
    }
    json.append(second.dateTime());
    appendFraction(json, at.getNano());
    json.append(second.offset());
  }

  /** Appends nanoseconds as a decimal fraction without trailing zeros, or nothing for zero. */
  private static void appendFraction(StringBuilder json, int nanos) {
    if (nanos == 0) {
      return;
    }
    int digits = 9;
    int value = nanos;
    while (value % 10 == 0) {
      value /= 10;
      digits--;
    }
    json.append('.');
    String text = Integer.toString(value);
    for (int i = text.length(); i < digits; i++) {
      json.append('0');
    }
    json.append(text);
  }

  private record Second(long epochSecond, String dateTime, String offset) {}

  private static void appendPair(StringBuilder json, KeyValuePair pair) {
    Object value = pair.value;
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof Boolean) {
      appendName(json, pair.key);
      json.append(value);
    } else if (value == null) {
      appendName(json, pair.key);
      json.append("null");
    } else {
      // Decimals go as strings too: NaN and infinity have no JSON number.
      appendMember(json, pair.key, LogRedactor.redact(value.toString()));
    }
  }

  private static void appendTags(StringBuilder json, List<Marker> markers) {
    appendName(json, "tags");
    json.append('[');
    for (int i = 0; i < markers.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      appendString(json, LogRedactor.redact(markers.get(i).getName()));
    }
    json.append(']');
  }

  private static void appendMember(StringBuilder json, String name, @Nullable String value) {
    appendName(json, name);
    if (value == null) {
      json.append("null");
    } else {
      appendString(json, value);
    }
  }

  private static void appendName(StringBuilder json, String name) {
    json.append(',');
    appendString(json, name);
    json.append(':');
  }

  /** Appends the text as a JSON string, escaping quotes, backslashes and control characters. */
  static void appendString(StringBuilder json, @Nullable String text) {
    json.append('"');
    String value = String.valueOf(text);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            json.append("\\u")
                .append(HEX[(c >> 12) & 0xF])
                .append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
