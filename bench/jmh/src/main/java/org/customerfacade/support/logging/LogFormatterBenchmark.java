package org.customerfacade.support.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

/**
 * Measures the encoding of one facade access-log event into a JSON line: with {@link
 * RedactingLogstashFormatter}, and with Boot's built-in Logstash format without any redaction.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LogFormatterBenchmark {

  private final RedactingLogstashFormatter formatter = new RedactingLogstashFormatter();
  private final StructuredLogEncoder bootEncoder = new StructuredLogEncoder();
  private LoggingEvent event;

  @Setup
  public void setUp() {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    context.putObject(Environment.class.getName(), new StandardEnvironment());
    bootEncoder.setContext(context);
    bootEncoder.setFormat("logstash");
    bootEncoder.start();

    Logger logger = context.getLogger("org.customerfacade.facade.access");
    event =
        new LoggingEvent(
            Logger.class.getName(),
            logger,
            Level.INFO,
            "{} {} {} in {} us",
            null,
            new Object[] {"GET", "/customer/{id}", 200, 183L});
    event.setThreadName("reactor-http-epoll-1");
    event.setMDCPropertyMap(
        Map.of("traceId", "4bf92f3577b34da6a3ce929d0e0e4736", "spanId", "00f067aa0ba902b7"));
    Object[][] pairs = {
      {"request_id", "9f0c1b9e-2d4a-4f61-9a43-5a8f0f9e2b11"},
      {"consumer", "demo-app"},
      {"account", "eu-demo"},
      {"region", "eu"},
      {"environment", "production"},
      {"method", "GET"},
      {"operation", "retrieve"},
      {"route", "/customer/{id}"},
      {"status", 200},
      {"latency_us", 183L},
      {"cache", "HIT"},
      {"upstream", "-"},
      {"upstream_attempts", 0}
    };
    for (Object[] pair : pairs) {
      event.addKeyValuePair(new KeyValuePair((String) pair[0], pair[1]));
    }
    // Logback keeps the formatted message in the event, so both benchmarks measure the encoding.
    event.getFormattedMessage();
  }

  @Benchmark
  public byte[] redactingFormatter() {
    return formatter.formatAsBytes(event, StandardCharsets.UTF_8);
  }

  @Benchmark
  public byte[] bootLogstashWithoutRedaction() {
    return bootEncoder.encode(event);
  }
}
