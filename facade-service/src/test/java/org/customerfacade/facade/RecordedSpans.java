package org.customerfacade.facade;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Keeps every finished span of the application in memory. The exporter is not a bean, because Boot
 * would also hand a {@code SpanExporter} bean to its batch processor and record each span twice.
 */
@TestConfiguration(proxyBeanMethods = false)
class RecordedSpans {

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

  @Bean
  SpanProcessor recordingSpanProcessor() {
    return SimpleSpanProcessor.create(exporter);
  }

  void clear() {
    exporter.reset();
  }

  /** Returns the spans finished so far, in the order they ended. */
  List<SpanData> finished() {
    return exporter.getFinishedSpanItems();
  }

  /**
   * Waits up to 10 seconds for a finished span that matches, because the server span ends after the
   * client has read the response.
   */
  SpanData await(Predicate<SpanData> matcher) {
    Instant deadline = Instant.now().plusSeconds(10);
    while (Instant.now().isBefore(deadline)) {
      List<SpanData> matches = exporter.getFinishedSpanItems().stream().filter(matcher).toList();
      if (!matches.isEmpty()) {
        return matches.get(0);
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
    throw new AssertionError("No finished span matched; spans: " + exporter.getFinishedSpanItems());
  }
}
