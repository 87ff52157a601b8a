package org.customerfacade.facade.tracing;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import java.util.function.Supplier;
import reactor.util.context.ContextView;

/**
 * Scope in which the thread locals that a Reactor context carries are set: the current observation
 * and with it the MDC's trace and span ids, for code that logs from inside a reactive chain.
 *
 * <p>With context propagation at {@code limited}, Reactor does not restore them around ordinary
 * operators, so a warning written from an error handler would lack the request's trace. Restoring
 * them only where such a line is written keeps the cost off the request path.
 */
public final class ReactorThreadLocals {

  private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

  private ReactorThreadLocals() {}

  /** Calls {@code action} with the thread locals of {@code context} set, and resets them after. */
  public static <T> T callWith(ContextView context, Supplier<T> action) {
    try (ContextSnapshot.Scope scope = SNAPSHOTS.setThreadLocalsFrom(context)) {
      return action.get();
    }
  }
}
