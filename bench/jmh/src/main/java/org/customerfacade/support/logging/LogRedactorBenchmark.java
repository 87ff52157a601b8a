package org.customerfacade.support.logging;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures {@link LogRedactor} on the strings of one facade access-log line, which every request
 * pays for, and on a failure message and a customer body, which need the regular expressions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LogRedactorBenchmark {

  /** The strings of a cache hit's access-log line besides Logback's own members. */
  private final String[] accessLine = {
    "GET /customer/{id} 200 in 183 us",
    "9f0c1b9e-2d4a-4f61-9a43-5a8f0f9e2b11",
    "demo-app",
    "eu-demo",
    "eu",
    "production",
    "GET",
    "retrieve",
    "/customer/{id}",
    "HIT",
    "-"
  };

  private final String failure =
      "'eu-production-1' RETRIEVE failed (SERVER_ERROR: it returned status 503), failing over to"
          + " 'eu-production-2'";

  private final String customer =
      "{\"id\":1001,\"first_name\":\"Ada\",\"last_name\":\"Lovelace\","
          + "\"email\":\"ada.lovelace@example.com\",\"phone\":{\"country_code\":\"44\","
          + "\"number\":\"7700900461\"},\"city\":\"London\",\"cf_loyalty_tier\":\"gold\"}";

  @Benchmark
  public int accessLogLine() {
    int length = 0;
    for (String value : accessLine) {
      length += LogRedactor.redact(value).length();
    }
    return length;
  }

  @Benchmark
  public String failureMessage() {
    return LogRedactor.redact(failure);
  }

  @Benchmark
  public String customerJson() {
    return LogRedactor.redact(customer);
  }
}
