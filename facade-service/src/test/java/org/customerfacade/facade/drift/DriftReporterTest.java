package org.customerfacade.facade.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.customerfacade.facade.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class DriftReporterTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final MutableClock clock = new MutableClock();
  private final DriftReporter reporter = new DriftReporter(meters, clock, 2);

  @Test
  void repeatedFindingIsCountedAndLoggedOnce(CapturedOutput output) {
    DriftFinding finding = new DriftFinding("retrieve", "/gender", "bad_enum");

    reporter.report(finding);
    reporter.report(finding);

    assertThat(count("retrieve", "/gender", "bad_enum")).isEqualTo(2);
    assertThat(warnings(output, "/gender")).isEqualTo(1);
  }

  @Test
  void warningsAreLimitedPerMinute(CapturedOutput output) {
    reporter.report(new DriftFinding("find", "/a", "unknown_field"));
    reporter.report(new DriftFinding("find", "/b", "unknown_field"));
    reporter.report(new DriftFinding("find", "/c", "unknown_field"));
    clock.advance(Duration.ofMinutes(1));
    reporter.report(new DriftFinding("find", "/d", "unknown_field"));

    assertThat(warnings(output, "'/c'")).isZero();
    assertThat(warnings(output, "'/d' (1 earlier findings were counted")).isEqualTo(1);
    assertThat(count("find", "/c", "unknown_field")).isEqualTo(1);
  }

  private double count(String operation, String path, String kind) {
    return meters
        .get(DriftReporter.METRIC)
        .tag("operation", operation)
        .tag("path", path)
        .tag("kind", kind)
        .counter()
        .count();
  }

  private static long warnings(CapturedOutput output, String text) {
    return output
        .getOut()
        .lines()
        .filter(line -> line.contains("WARN"))
        .filter(line -> line.contains(text))
        .count();
  }
}
