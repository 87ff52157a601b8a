package org.customerfacade.gateway.logging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.customerfacade.gateway.access.Operation;
import org.customerfacade.gateway.consumer.ConsumerAuthenticationFilter;
import org.customerfacade.gateway.headers.RequestIdFilter;
import org.customerfacade.support.logging.LogTokens;
import org.customerfacade.support.logging.TraceLogging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Logs one line per request, at INFO on the logger {@code org.customerfacade.gateway.access}, when
 * the response is committed: request id, consumer, method, operation, account, status, latency and
 * the facade's cache status, also as key-value pairs for structured logs, with the server span's
 * trace and span ids ({@link TraceLogging}).
 *
 * <p>The query string is never logged, because it carries customers' emails and external ids, nor
 * the path of a request that is no API operation. Header values are logged only when they are plain
 * tokens ({@link LogTokens}). Latency runs from the first filter to the response headers, or to the
 * caller's disconnect, logged with status 499.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class AccessLogFilter implements WebFilter {

  private static final Logger log = LoggerFactory.getLogger("org.customerfacade.gateway.access");

  private static final String NONE = LogTokens.NONE;

  private static final String OTHER = "other";

  /** Status logged for a request whose caller disconnected before the response started. */
  public static final int CLIENT_CLOSED = 499;

  /** Timer of every request, tagged by operation, status and consumer. */
  public static final String REQUESTS_METRIC = "edge.requests";

  private final MeterRegistry meters;
  private final Map<TimerTags, Timer> timers = new ConcurrentHashMap<>();

  public AccessLogFilter(MeterRegistry meters) {
    this.meters = meters;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long startNanos = System.nanoTime();
    AtomicBoolean written = new AtomicBoolean();
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              if (written.compareAndSet(false, true)) {
                write(exchange, startNanos, status(exchange.getResponse()));
              }
              return Mono.empty();
            });
    // A caller that disconnects before the response starts cancels the chain, and no response is
    // ever committed, so its request is logged here.
    return chain
        .filter(exchange)
        .doOnCancel(
            () -> {
              if (written.compareAndSet(false, true)) {
                write(exchange, startNanos, CLIENT_CLOSED);
              }
            });
  }

  private void write(ServerWebExchange exchange, long startNanos, int status) {
    ServerHttpRequest request = exchange.getRequest();
    ServerHttpResponse response = exchange.getResponse();
    long latencyNanos = System.nanoTime() - startNanos;
    long latencyMillis = TimeUnit.NANOSECONDS.toMillis(latencyNanos);
    String consumer =
        exchange.getAttributeOrDefault(ConsumerAuthenticationFilter.CONSUMER_ID_ATTRIBUTE, NONE);
    String operation = operation(request);
    String account = LogTokens.plainToken(request.getHeaders().getFirst("X-Account"));
    String cache = LogTokens.plainToken(response.getHeaders().getFirst("X-Cache"));

    // The message's fixed text has none of the characters '=', ':', '@' and '+', so for an API
    // operation the redaction of structured logs runs no regular expression on it. The key-value
    // pairs carry the request id and the consumer.
    TraceLogging.withTrace(log.atInfo(), exchange)
        .setMessage("{} {} {} in {} ms")
        .addArgument(request.getMethod())
        .addArgument(operation)
        .addArgument(status)
        .addArgument(latencyMillis)
        .addKeyValue("request_id", RequestIdFilter.requestId(exchange))
        .addKeyValue("consumer", consumer)
        .addKeyValue("method", request.getMethod().name())
        .addKeyValue("operation", operation)
        .addKeyValue("account", account)
        .addKeyValue("status", status)
        .addKeyValue("latency_ms", latencyMillis)
        .addKeyValue("cache", cache)
        .log();

    record(operation, status, consumer, latencyNanos);
  }

  /**
   * Records the request in {@link #REQUESTS_METRIC}. Requests that are no Customer API operation
   * share the operation tag {@code other}, and unauthenticated ones the consumer tag {@code -}, so
   * callers cannot create tag values at will.
   */
  private void record(String operation, int status, String consumer, long latencyNanos) {
    timers
        .computeIfAbsent(new TimerTags(operation, status, consumer), this::register)
        .record(latencyNanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Registers the timer of one tag set. Building a meter id and looking it up in the registry on
   * every request cost more than a map look-up of the kept timer.
   */
  private Timer register(TimerTags tags) {
    return Timer.builder(REQUESTS_METRIC)
        .description(
            "Requests handled by the gateway, from the first filter to the response headers")
        .tag("operation", tags.operation())
        .tag("status", Integer.toString(tags.status()))
        .tag("consumer", tags.consumer())
        .register(meters);
  }

  /**
   * Tags of one {@link #REQUESTS_METRIC} timer. The map of kept timers grows only as the registry's
   * meters do, because each key is one meter's tag set.
   */
  private record TimerTags(String operation, int status, String consumer) {}

  private static int status(ServerHttpResponse response) {
    return Optional.ofNullable(response.getStatusCode()).map(HttpStatusCode::value).orElse(200);
  }

  /**
   * Returns the operation name, or {@code other} when the request is no API operation: such a path
   * is caller input and may hold an email or a token that redaction cannot recognise.
   */
  private static String operation(ServerHttpRequest request) {
    return Operation.of(request.getMethod(), request.getPath().value())
        .map(operation -> operation.name().toLowerCase(Locale.ROOT))
        .orElse(OTHER);
  }
}
