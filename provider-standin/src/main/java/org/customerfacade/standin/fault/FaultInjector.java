package org.customerfacade.standin.fault;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.customerfacade.server.model.FieldError;
import org.customerfacade.standin.endpoint.Endpoint;
import org.customerfacade.standin.endpoint.EndpointServers;
import org.customerfacade.standin.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Current fault of each endpoint. Replacing or clearing a fault completes the previous state's
 * change signal, which releases requests held by a hang fault. A down fault stops the endpoint's
 * listener, and a later change starts it again.
 *
 * <p>NOTE: two admin requests that change the same endpoint at the same time may stop and restart
 * its listener in either order, and the fault that is stored last wins.
 */
@Component
public class FaultInjector {

  private static final Logger log = LoggerFactory.getLogger(FaultInjector.class);

  private final EndpointServers servers;

  private final Map<String, FaultState> states = new ConcurrentHashMap<>();

  public FaultInjector(EndpointServers servers) {
    this.servers = servers;
  }

  /** An endpoint's fault, if any, and the signal that completes when it next changes. */
  public record FaultState(@Nullable Fault fault, Sinks.Empty<Void> changed) {

    /** Returns a Mono that completes when this state is replaced. */
    public Mono<Void> nextChange() {
      return changed.asMono();
    }
  }

  /** Returns the endpoint's current state; its fault is null when none is set. */
  public FaultState stateOf(Endpoint endpoint) {
    return states.computeIfAbsent(endpoint.name(), name -> new FaultState(null, Sinks.empty()));
  }

  public Optional<Fault> faultOf(Endpoint endpoint) {
    return Optional.ofNullable(stateOf(endpoint).fault());
  }

  /** Validates and sets a fault; signals 400 for a meaningless combination of settings. */
  public Mono<Void> inject(Endpoint endpoint, Fault fault) {
    Optional<String> problem = fault.findCombinationProblem();
    if (problem.isPresent()) {
      FieldError error = new FieldError("/", problem.get());
      return Mono.error(
          new ProblemException(HttpStatus.BAD_REQUEST, problem.get(), List.of(error)));
    }
    log.info("Endpoint '{}' fault set to {}", endpoint.name(), fault);
    return applyListening(endpoint, fault).then(Mono.fromRunnable(() -> replace(endpoint, fault)));
  }

  /** Clears the endpoint's fault and listens again if it was down. */
  public Mono<Void> clear(Endpoint endpoint) {
    log.info("Endpoint '{}' fault cleared", endpoint.name());
    return applyListening(endpoint, null).then(Mono.fromRunnable(() -> replace(endpoint, null)));
  }

  private Mono<Void> applyListening(Endpoint endpoint, @Nullable Fault next) {
    boolean down = next != null && next.isDown();
    if (down) {
      return servers.stopListening(endpoint);
    }
    return servers.isListening(endpoint) ? Mono.empty() : servers.listenAgain(endpoint);
  }

  private void replace(Endpoint endpoint, @Nullable Fault next) {
    FaultState previous = states.put(endpoint.name(), new FaultState(next, Sinks.empty()));
    if (previous != null) {
      previous.changed().tryEmitEmpty();
    }
  }
}
