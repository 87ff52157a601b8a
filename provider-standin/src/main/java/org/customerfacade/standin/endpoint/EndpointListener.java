package org.customerfacade.standin.endpoint;

import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The Reactor Netty server of one endpoint. It tracks open connections so that stopping also closes
 * kept-alive connections, as a host that went down would.
 */
final class EndpointListener {

  private final Endpoint endpoint;

  private final String bindAddress;

  private final ReactorHttpHandlerAdapter handler;

  private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

  private volatile @Nullable DisposableServer server;

  EndpointListener(Endpoint endpoint, String bindAddress, ReactorHttpHandlerAdapter handler) {
    this.endpoint = endpoint;
    this.bindAddress = bindAddress;
    this.handler = handler;
  }

  /** Listens on the configured port, blocking until bound; for start-up only. */
  void start() {
    DisposableServer started = serverOn(endpoint.configuredPort()).bindNow();
    server = started;
    endpoint.bound(started.port());
  }

  /** Listens again on the port that the endpoint was bound to before. */
  Mono<Void> restart() {
    if (isListening()) {
      return Mono.empty();
    }
    return serverOn(endpoint.boundPort()).bind().doOnNext(started -> server = started).then();
  }

  /** Stops listening and closes every open connection. */
  Mono<Void> stop() {
    DisposableServer current = server;
    if (current == null || current.isDisposed()) {
      return Mono.empty();
    }
    current.dispose();
    return current.onDispose().then(closeConnections());
  }

  boolean isListening() {
    DisposableServer current = server;
    return current != null && !current.isDisposed();
  }

  private HttpServer serverOn(int port) {
    return HttpServer.create()
        .host(bindAddress)
        .port(port)
        .channelGroup(connections)
        .handle(handler);
  }

  private Mono<Void> closeConnections() {
    return Mono.create(sink -> connections.close().addListener(future -> sink.success()));
  }
}
