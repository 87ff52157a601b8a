package org.customerfacade.gateway.consumer;

import java.util.Set;
import org.customerfacade.gateway.access.Operation;

/**
 * The consumer that a request's credentials belong to.
 *
 * @param id consumer id sent to the facade in {@code X-Consumer-Id}
 * @param operations operations the consumer may call
 */
public record AuthenticatedConsumer(String id, Set<Operation> operations) {

  public AuthenticatedConsumer {
    operations = Set.copyOf(operations);
  }
}
