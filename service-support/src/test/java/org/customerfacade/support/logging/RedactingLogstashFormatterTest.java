package org.customerfacade.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MarkerFactory;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RedactingLogstashFormatterTest {

  private static final JsonMapper json = JsonMapper.builder().build();

  private final LoggerContext context = new LoggerContext();
  private final Logger logger = context.getLogger("org.customerfacade.example.access");
  private final RedactingLogstashFormatter formatter = new RedactingLogstashFormatter();

  RedactingLogstashFormatterTest() {
    context.setMDCAdapter(new LogbackMDCAdapter());
  }

  private LoggingEvent event(String message, Object... arguments) {
    return eventOnThread("reactor-http-epoll-1", message, arguments);
  }

  private LoggingEvent eventOnThread(String threadName, String message, Object... arguments) {
    LoggingEvent event =
        new LoggingEvent(Logger.class.getName(), logger, Level.INFO, message, null, arguments);
    event.setThreadName(threadName);
    return event;
  }

  @Test
  void matchesBootLogstashFormat() {
    LoggingEvent event = event("GET {} {} in {} us", "/customer/{id}", 200, 41);
    event.setMDCPropertyMap(Map.of("traceId", "4bf92f3577b34da6a3ce929d0e0e4736"));
    event.addKeyValuePair(new KeyValuePair("request_id", "req-1"));
    event.addKeyValuePair(new KeyValuePair("status", 200));
    event.addKeyValuePair(new KeyValuePair("latency_us", 41L));
    event.addKeyValuePair(new KeyValuePair("cached", true));
    event.addMarker(MarkerFactory.getMarker("COMMONS-LOGGING"));

    String ours = formatter.format(event);

    assertThat(ours).endsWith("}\n").doesNotContain("\n{");
    assertThat(json.readTree(ours)).isEqualTo(json.readTree(bootLogstash(event)));
    assertThat(fieldNames(json.readTree(ours)))
        .isEqualTo(fieldNames(json.readTree(bootLogstash(event))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-12-05T00:44:40Z",
        "2026-12-05T00:44:40.5Z",
        "2026-12-05T00:44:40.000000001Z",
        "2026-12-05T00:44:40.120Z",
        "2026-12-05T00:44:40.777280220Z",
        "1969-12-31T23:59:59.999999999Z"
      })
  void writesTimestampsAsIsoOffsetDateTime(String instant) {
    assertTimestampWritten(instant);
  }

  /** The formatter keeps the text of the last second, so each event must still get its own. */
  @Test
  void timestampsOfConsecutiveEventsStayExact() {
    for (String instant :
        List.of(
            "2026-12-05T00:44:40.1Z",
            "2026-12-05T00:44:40.000002Z",
            "2026-12-05T00:44:41Z",
            "2026-12-05T00:44:39.9Z")) {
      assertTimestampWritten(instant);
    }
  }

  private void assertTimestampWritten(String instant) {
    Instant at = Instant.parse(instant);
    LoggingEvent event = event("tick");
    event.setInstant(at);

    String expected =
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
            at.atZone(ZoneId.systemDefault()).toOffsetDateTime());
    assertThat(json.readTree(formatter.format(event)).get("@timestamp").asString())
        .as(instant)
        .isEqualTo(expected);
  }

  @Test
  void keepsNumbersAndBooleans() {
    LoggingEvent event = event("done");
    event.addKeyValuePair(new KeyValuePair("status", 503));
    event.addKeyValuePair(new KeyValuePair("attempts", 2L));
    event.addKeyValuePair(new KeyValuePair("hit", false));
    event.addKeyValuePair(new KeyValuePair("ratio", Double.NaN));
    event.addKeyValuePair(new KeyValuePair("missing", null));

    JsonNode line = json.readTree(formatter.format(event));

    assertThat(line.get("status").isInt()).isTrue();
    assertThat(line.get("attempts").asLong()).isEqualTo(2L);
    assertThat(line.get("hit").isBoolean()).isTrue();
    assertThat(line.get("ratio").asString()).isEqualTo("NaN");
    assertThat(line.get("missing").isNull()).isTrue();
  }

  @Test
  void redactsRequestDataStrings() {
    LoggingEvent event = event("lookup of {} failed", "ada.lovelace@example.com");
    event.setMDCPropertyMap(Map.of("caller", "Bearer demo-app-local-token"));
    event.addKeyValuePair(new KeyValuePair("detail", "api_key=eu-demo-key"));
    event.addKeyValuePair(new KeyValuePair("phone", new StringBuilder("+44 20 7946 0000")));
    event.addMarker(MarkerFactory.getMarker("token=marker-secret"));
    event.setThrowableProxy(
        new ch.qos.logback.classic.spi.ThrowableProxy(
            new IllegalStateException("password: hunter2 for grace@example.org")));

    String line = formatter.format(event);

    assertThat(line)
        .doesNotContain(
            "ada.lovelace",
            "demo-app-local-token",
            "eu-demo-key",
            "7946",
            "marker-secret",
            "hunter2",
            "grace@");
    JsonNode parsed = json.readTree(line);
    assertThat(parsed.get("message").asString()).isEqualTo("lookup of <email> failed");
    assertThat(parsed.get("caller").asString()).isEqualTo("Bearer <redacted>");
    assertThat(parsed.get("tags").get(0).asString()).isEqualTo("token=<redacted>");
    assertThat(parsed.get("stack_trace").asString())
        .startsWith("java.lang.IllegalStateException: password: <redacted>");
  }

  /** Logback fills these members itself, so they are written as they are, unlike the message. */
  @Test
  void leavesLogbackMembersUnredacted() {
    LoggingEvent event = eventOnThread("token=worker-1", "token=worker-1");

    JsonNode line = json.readTree(formatter.format(event));

    assertThat(line.get("thread_name").asString()).isEqualTo("token=worker-1");
    assertThat(line.get("message").asString()).isEqualTo("token=<redacted>");
  }

  @Test
  void escapesControlCharacters() {
    String hostile = "a\"b\\c\nd\re\tf\u0000g\u001fh\u2028i\u00e9j";
    LoggingEvent event = event("{}", hostile);

    String line = formatter.format(event);

    assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
    assertThat(line).contains("\\u0000", "\\u001f", "\\u2028");
    assertThat(json.readTree(line).get("message").asString()).isEqualTo(hostile);
  }

  @Test
  void encodesInTheRequestedCharset() {
    LoggingEvent event = event("caf\u00e9");

    byte[] bytes = formatter.formatAsBytes(event, StandardCharsets.UTF_8);

    assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"message\":\"caf\u00e9\"");
  }

  /**
   * Formats the event with Boot's built-in Logstash format, as a service without this class would.
   */
  private String bootLogstash(LoggingEvent event) {
    context.putObject(Environment.class.getName(), new MockEnvironment());
    StructuredLogEncoder encoder = new StructuredLogEncoder();
    encoder.setContext(context);
    encoder.setFormat("logstash");
    encoder.start();
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
  }

  private static java.util.List<String> fieldNames(JsonNode node) {
    return node.propertyNames().stream().toList();
  }
}
