package org.customerfacade.facade.drift;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs drift checks on one background thread with a bounded queue, so a check never runs on, nor
 * waits for, the request that was sampled. A response sampled while the queue is full is dropped.
 */
final class DriftChecks implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DriftChecks.class);

  private final DriftDetector detector;
  private final DriftReporter reporter;
  private final ThreadPoolExecutor executor;

  DriftChecks(DriftDetector detector, DriftReporter reporter, int queueCapacity) {
    this.detector = detector;
    this.reporter = reporter;
    this.executor =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(queueCapacity),
            runnable -> {
              Thread thread = new Thread(runnable, "drift-check");
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.AbortPolicy());
  }

  /** Queues a check of a response body and returns false when the queue is full. */
  boolean submit(String operation, byte[] body) {
    try {
      executor.execute(() -> check(operation, body));
      return true;
    } catch (RejectedExecutionException full) {
      return false;
    }
  }

  private void check(String operation, byte[] body) {
    try {
      detector.findings(operation, body).forEach(reporter::report);
    } catch (RuntimeException failure) {
      // The exception message may quote the body, so only its type is logged.
      log.warn(
          "Drift check of a {} response failed with {}", operation, failure.getClass().getName());
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
