package org.customerfacade.gateway.headers;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id}: the caller's value when it is well-formed, else a
 * random UUID. The id is sent to the facade, stored in {@link #REQUEST_ID_ATTRIBUTE} and set on the
 * response, including the error responses that the gateway writes itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter implements WebFilter {

  public static final String REQUEST_ID_HEADER = "X-Request-Id";

  /** Exchange attribute holding the request id chosen for this exchange. */
  public static final String REQUEST_ID_ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";

  /** 1 to 64 characters that need no quoting in headers or logs. */
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final Supplier<String> idGenerator;

  @Autowired
  public RequestIdFilter() {
    this(() -> UUID.randomUUID().toString());
  }

  RequestIdFilter(Supplier<String> idGenerator) {
    this.idGenerator = idGenerator;
  }

  /** Returns the request id of the exchange, or {@code "none"} before this filter has run. */
  public static String requestId(ServerWebExchange exchange) {
    return exchange.getAttributeOrDefault(REQUEST_ID_ATTRIBUTE, "none");
  }

  /** Returns whether a caller's request id can be kept as it is. */
  static boolean isWellFormed(String requestId) {
    return requestId != null && WELL_FORMED.matcher(requestId).matches();
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String requestId = chooseRequestId(exchange.getRequest().getHeaders().get(REQUEST_ID_HEADER));
    exchange.getAttributes().put(REQUEST_ID_ATTRIBUTE, requestId);

    // Set just before commit, so the value replaces any copy that the facade's response carries
    // and survives error handlers that rebuild the response headers.
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              exchange.getResponse().getHeaders().set(REQUEST_ID_HEADER, requestId);
              return Mono.empty();
            });

    ServerWebExchange tagged =
        exchange
            .mutate()
            .request(request -> request.headers(h -> h.set(REQUEST_ID_HEADER, requestId)))
            .build();
    return chain.filter(tagged);
  }

  /** Keeps a single well-formed value. Several values or a malformed one get a new id. */
  private String chooseRequestId(List<String> values) {
    if (values != null && values.size() == 1 && isWellFormed(values.get(0))) {
      return values.get(0);
    }
    return idGenerator.get();
  }
}
