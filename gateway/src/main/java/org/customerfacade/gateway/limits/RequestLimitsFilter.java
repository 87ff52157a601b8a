package org.customerfacade.gateway.limits;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.customerfacade.gateway.headers.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rejects requests that break {@link RequestLimitsProperties} or carry a dangerous path or header,
 * before authentication and before anything is sent to the facade. A body without {@code
 * Content-Length} is counted while it streams, and the stream fails once it passes the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@EnableConfigurationProperties(RequestLimitsProperties.class)
public class RequestLimitsFilter implements WebFilter {

  private static final Logger log = LoggerFactory.getLogger(RequestLimitsFilter.class);

  private final RequestInspector inspector;
  private final long maxBodyBytes;

  public RequestLimitsFilter(RequestLimitsProperties limits) {
    this.inspector = new RequestInspector(limits);
    this.maxBodyBytes = limits.getMaxBodySize().toBytes();
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    Optional<RequestRejectedException> rejection =
        inspector
            .checkUrl(request.getPath().value(), request.getURI().getRawQuery())
            .or(() -> inspector.checkHeaders(request.getHeaders()))
            .or(() -> inspector.checkBodyLength(request.getHeaders().getContentLength()));

    if (rejection.isPresent()) {
      log.debug(
          "Rejected request {} with status {}",
          RequestIdFilter.requestId(exchange),
          rejection.get().getStatusCode().value());
      return Mono.error(rejection.get());
    }
    return chain.filter(exchange.mutate().request(new CountedBody(request, maxBodyBytes)).build());
  }

  /** Fails the body stream with a 413 error signal once it passes the limit. */
  private static final class CountedBody extends ServerHttpRequestDecorator {

    private final long maxBytes;

    CountedBody(ServerHttpRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public Flux<DataBuffer> getBody() {
      AtomicLong received = new AtomicLong();
      return super.getBody()
          .handle(
              (buffer, sink) -> {
                if (received.addAndGet(buffer.readableByteCount()) > maxBytes) {
                  DataBufferUtils.release(buffer);
                  sink.error(RequestInspector.bodyTooLarge(maxBytes));
                } else {
                  sink.next(buffer);
                }
              });
    }
  }
}
