package org.customerfacade.facade.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.springframework.stereotype.Component;

/**
 * The {@code facade.requests} timer: every request of the API port, tagged with its route,
 * operation and status.
 *
 * <p>Registering a meter builds its id and looks it up on every call, which costs more than the
 * cache hit it measures, so each (operation, status) timer is registered once and kept in an array.
 */
@Component
class RequestMetrics {

  static final String REQUESTS = "facade.requests";

  private static final int MIN_STATUS = 100;
  private static final int STATUSES = 500;

  private final MeterRegistry registry;
  private final AtomicReferenceArray<Timer> timers =
      new AtomicReferenceArray<>(ApiOperation.values().length * STATUSES);

  RequestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(ApiOperation operation, int status, long nanos) {
    timer(operation, status).record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer timer(ApiOperation operation, int status) {
    if (status < MIN_STATUS || status >= MIN_STATUS + STATUSES) {
      return register(operation, status);
    }
    int index = operation.ordinal() * STATUSES + status - MIN_STATUS;
    Timer timer = timers.get(index);
    if (timer == null) {
      // Two threads may both register: the registry returns the same timer to each.
      timer = register(operation, status);
      timers.set(index, timer);
    }
    return timer;
  }

  private Timer register(ApiOperation operation, int status) {
    return Timer.builder(REQUESTS)
        .description(
            "Requests to the facade's API port, from the first filter to the response headers")
        .tag("route", operation.route())
        .tag("operation", operation.tag())
        .tag("status", Integer.toString(status))
        .register(registry);
  }
}
