package org.customerfacade.facade.observability;

import io.micrometer.tracing.TraceContext;
import java.util.concurrent.TimeUnit;
import org.customerfacade.facade.tracing.Traceparent;
import org.customerfacade.support.logging.LogTokens;
import org.customerfacade.support.logging.TraceLogging;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Writes one access-log line per request of the API port, at INFO on the logger {@value #LOGGER},
 * and records the request in {@link RequestMetrics}.
 *
 * <p>The line is written when the response is committed, so the cache filter's fast path, the
 * controller and every error response are logged alike. A request whose caller disconnects before
 * that is logged with status {@value #CLIENT_CLOSED}. Fields: request id, consumer, account,
 * region, environment, method, operation, route, status, latency in microseconds (first filter to
 * response headers), cache result, and the last provider endpoint with the number of endpoint
 * attempts. None of them can hold personal data: the query string and bodies are never logged, and
 * header values are logged only when they are short plain tokens.
 *
 * <p>It runs first, before the gateway-secret check, so rejected calls are logged too. Requests on
 * the management port are not logged here: Boot's {@code http.server.requests} metric counts them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AccessLogFilter implements WebFilter {

  /** Name of the access log's logger; set its level to WARN to turn the access log off. */
  public static final String LOGGER = "org.customerfacade.facade.access";

  /** Status logged for a request whose caller disconnected before the response started. */
  static final int CLIENT_CLOSED = 499;

  private static final Logger log = LoggerFactory.getLogger(LOGGER);

  private static final String NONE = LogTokens.NONE;

  private final ApplicationContext applicationContext;
  private final RequestMetrics metrics;

  AccessLogFilter(ApplicationContext applicationContext, RequestMetrics metrics) {
    this.applicationContext = applicationContext;
    this.metrics = metrics;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (exchange.getApplicationContext() != applicationContext) {
      return chain.filter(exchange);
    }
    long startNanos = System.nanoTime();
    RequestRecord record = new RequestRecord();
    exchange.getAttributes().put(RequestRecord.KEY, record);

    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              complete(exchange, record, startNanos, status(exchange));
              return Mono.empty();
            });
    return chain
        .filter(exchange)
        .doOnCancel(() -> complete(exchange, record, startNanos, CLIENT_CLOSED))
        .contextWrite(Context.of(RequestRecord.KEY, record));
  }

  private void complete(
      ServerWebExchange exchange, RequestRecord record, long startNanos, int status) {
    if (!record.claimWrite()) {
      return;
    }
    long nanos = System.nanoTime() - startNanos;
    ServerHttpRequest request = exchange.getRequest();
    ApiOperation operation = ApiOperation.of(request.getMethod(), request.getPath().value());

    metrics.record(operation, status, nanos);
    if (log.isInfoEnabled()) {
      write(exchange, record, operation, status, TimeUnit.NANOSECONDS.toMicros(nanos));
    }
  }

  private static void write(
      ServerWebExchange exchange,
      RequestRecord record,
      ApiOperation operation,
      int status,
      long latencyMicros) {
    ServerHttpRequest request = exchange.getRequest();
    HttpHeaders headers = request.getHeaders();
    String account = record.accountName();
    LoggingEventBuilder line = log.atInfo();
    TraceContext serverTrace = TraceLogging.serverTrace(exchange);
    if (serverTrace != null) {
      line.addKeyValue(TraceLogging.TRACE_ID, serverTrace.traceId())
          .addKeyValue(TraceLogging.SPAN_ID, serverTrace.spanId());
    } else {
      // A request without a server span, such as an unsampled fresh hit, carries the caller's
      // trace id, for finding it in the gateway's log.
      String callerTraceId = Traceparent.traceId(headers.getFirst(Traceparent.HEADER));
      if (callerTraceId != null) {
        line.addKeyValue(TraceLogging.TRACE_ID, callerTraceId);
      }
    }
    line.setMessage("{} {} {} in {} us")
        .addArgument(request.getMethod())
        .addArgument(operation.route())
        .addArgument(status)
        .addArgument(latencyMicros)
        .addKeyValue("request_id", LogTokens.plainToken(headers.getFirst("X-Request-Id")))
        .addKeyValue("consumer", LogTokens.plainToken(headers.getFirst("X-Consumer-Id")))
        .addKeyValue(
            "account",
            account != null ? account : LogTokens.plainToken(headers.getFirst("X-Account")))
        .addKeyValue("region", orNone(record.region()))
        .addKeyValue("environment", orNone(record.environment()))
        .addKeyValue("method", request.getMethod().name())
        .addKeyValue("operation", operation.tag())
        .addKeyValue("route", operation.route())
        .addKeyValue("status", status)
        .addKeyValue("latency_us", latencyMicros)
        .addKeyValue("cache", orNone(record.cache()))
        .addKeyValue("upstream", orNone(record.upstream()))
        .addKeyValue("upstream_attempts", record.upstreamAttempts())
        .log();
  }

  private static int status(ServerWebExchange exchange) {
    HttpStatusCode status = exchange.getResponse().getStatusCode();
    return status == null ? 200 : status.value();
  }

  private static String orNone(@Nullable String value) {
    return value == null ? NONE : value;
  }
}
