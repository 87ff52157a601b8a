package org.customerfacade.facade.drift;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts each finding in {@value #METRIC} and logs each distinct finding once at WARN, at most
 * {@code facade.drift.max-warnings-per-minute} lines a minute.
 *
 * <p>The tags come from the spec's field names and from field names the provider sent, so after
 * {@value #MAX_DISTINCT} distinct findings new ones are counted under the path {@value
 * #OTHER_PATH}, which bounds the number of meters.
 */
final class DriftReporter {

  /** Counter of drift findings, tagged by operation, JSON pointer and kind. */
  static final String METRIC = "facade.upstream.drift";

  static final int MAX_DISTINCT = 1000;
  static final String OTHER_PATH = "other";

  private static final Logger log = LoggerFactory.getLogger(DriftReporter.class);
  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final MeterRegistry meters;
  private final Clock clock;
  private final int maxWarningsPerWindow;
  private final Set<DriftFinding> seen = ConcurrentHashMap.newKeySet();

  private Instant windowStart;
  private int warningsInWindow;
  private int suppressedWarnings;

  DriftReporter(MeterRegistry meters, Clock clock, int maxWarningsPerMinute) {
    this.meters = meters;
    this.clock = clock;
    this.maxWarningsPerWindow = maxWarningsPerMinute;
    this.windowStart = clock.instant();
  }

  void report(DriftFinding finding) {
    boolean known = seen.contains(finding);
    boolean first = !known && seen.size() < MAX_DISTINCT && seen.add(finding);
    String path = known || first ? finding.pointer() : OTHER_PATH;
    Counter.builder(METRIC)
        .description("Provider responses that departed from the spec, per field and kind")
        .tag("operation", finding.operation())
        .tag("path", path)
        .tag("kind", finding.kind())
        .register(meters)
        .increment();

    if (first) {
      warnOnce(finding);
    }
  }

  private synchronized void warnOnce(DriftFinding finding) {
    Instant now = clock.instant();
    if (!now.isBefore(windowStart.plus(WINDOW))) {
      windowStart = now;
      warningsInWindow = 0;
    }
    if (warningsInWindow >= maxWarningsPerWindow) {
      suppressedWarnings++;
      return;
    }

    warningsInWindow++;
    if (suppressedWarnings == 0) {
      log.warn(
          "Provider {} response departs from the spec: {} at '{}'",
          finding.operation(),
          finding.kind(),
          finding.pointer());
      return;
    }
    log.warn(
        "Provider {} response departs from the spec: {} at '{}' ({} earlier findings were counted"
            + " in {} but not logged)",
        finding.operation(),
        finding.kind(),
        finding.pointer(),
        suppressedWarnings,
        METRIC);
    suppressedWarnings = 0;
  }
}
