package org.customerfacade.standin.endpoint;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.customerfacade.standin.config.StandinProperties;
import org.customerfacade.standin.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Starts one extra Reactor Netty server per endpoint when the context starts, and stops them on
 * shutdown. Every server runs the application's own {@link HttpHandler}, so filters and controllers
 * are shared. {@link EndpointFilter} resolves the endpoint from the local port.
 */
@Component
public class EndpointServers implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EndpointServers.class);

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final EndpointRegistry endpoints;

  private final ObjectProvider<HttpHandler> httpHandler;

  private final String bindAddress;

  private final Map<String, EndpointListener> listeners = new LinkedHashMap<>();

  private volatile boolean running;

  public EndpointServers(
      EndpointRegistry endpoints,
      ObjectProvider<HttpHandler> httpHandler,
      StandinProperties properties) {
    this.endpoints = endpoints;
    this.httpHandler = httpHandler;
    this.bindAddress = properties.getBindAddress();
  }

  @Override
  public synchronized void start() {
    ReactorHttpHandlerAdapter adapter = new ReactorHttpHandlerAdapter(httpHandler.getObject());
    for (Endpoint endpoint : endpoints.all()) {
      EndpointListener listener = new EndpointListener(endpoint, bindAddress, adapter);
      listener.start();
      listeners.put(endpoint.name(), listener);
      log.info(
          "Endpoint '{}' of instance '{}' listens on {}:{}",
          endpoint.name(),
          endpoint.instance().name(),
          bindAddress,
          endpoint.boundPort());
    }
    running = true;
  }

  @Override
  public synchronized void stop() {
    listeners.forEach(
        (name, listener) -> {
          listener.stop().block(STOP_TIMEOUT);
          log.info("Endpoint '{}' stopped", name);
        });
    listeners.clear();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops the endpoint's listener so that connections are refused. */
  public Mono<Void> stopListening(Endpoint endpoint) {
    return listenerOf(endpoint)
        .flatMap(EndpointListener::stop)
        .doOnSuccess(done -> log.info("Endpoint '{}' stopped listening", endpoint.name()));
  }

  /** Listens again on the endpoint's port; signals 503 when the port cannot be bound. */
  public Mono<Void> listenAgain(Endpoint endpoint) {
    return listenerOf(endpoint)
        .flatMap(EndpointListener::restart)
        .doOnSuccess(
            done ->
                log.info(
                    "Endpoint '{}' listens again on port {}",
                    endpoint.name(),
                    endpoint.boundPort()))
        .onErrorMap(
            error -> !(error instanceof ProblemException), error -> bindFailed(endpoint, error));
  }

  /** Returns whether the endpoint's listener accepts connections. */
  public boolean isListening(Endpoint endpoint) {
    EndpointListener listener = listeners.get(endpoint.name());
    return listener != null && listener.isListening();
  }

  private Mono<EndpointListener> listenerOf(Endpoint endpoint) {
    EndpointListener listener = listeners.get(endpoint.name());
    if (listener == null) {
      String detail = "Endpoint '" + endpoint.name() + "' is not started; retry after start-up.";
      return Mono.error(new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, detail));
    }
    return Mono.just(listener);
  }

  private static ProblemException bindFailed(Endpoint endpoint, Throwable error) {
    log.warn(
        "Endpoint '{}' failed to listen again on port {}",
        endpoint.name(),
        endpoint.boundPort(),
        error);
    String detail =
        "Endpoint '"
            + endpoint.name()
            + "' could not listen again on port "
            + endpoint.boundPort()
            + "; free the port and clear the fault again.";
    return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, detail);
  }
}
