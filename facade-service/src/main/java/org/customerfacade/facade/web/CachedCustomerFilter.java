package org.customerfacade.facade.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.function.Supplier;
import org.customerfacade.client.CustomerApiClients;
import org.customerfacade.facade.account.Account;
import org.customerfacade.facade.account.AccountResolver;
import org.customerfacade.facade.cache.CachedRead;
import org.customerfacade.facade.cache.CustomerCache;
import org.customerfacade.facade.observability.RequestRecord;
import org.customerfacade.facade.upstream.Operation;
import org.customerfacade.facade.upstream.Upstream;
import org.customerfacade.server.api.CustomersApi;
import org.customerfacade.server.model.Customer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves a plain {@code GET /customer/{id}} from a fresh cache entry before the request reaches the
 * annotated controller, with the same status, headers and body that {@link
 * CustomerController#getCustomer} would send.
 *
 * <p>Handler mapping, argument resolution, method validation and the reactive read pipeline cost
 * more than a cache hit itself, so this filter skips them for the common case. Any request it is
 * not sure about goes down the filter chain unchanged: another method or path, a query string, an
 * {@code x-api-version} other than one {@code 2.0}, a {@code Cache-Control} or an {@code Accept}
 * header other than JSON, an account that does not resolve, and every read that is not a fresh hit.
 * It runs after every other filter, so the gateway secret is checked first.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class CachedCustomerFilter implements WebFilter {

  private static final String ITEM_PREFIX = "/customer/";

  /** Maximum number of digits of an id that always fits a {@code long}. */
  private static final int MAX_ID_DIGITS = 18;

  /** Bodies kept for the most recently served customers; at about 0.5 KB each, about 2 MB. */
  private static final int MAX_BODIES = 4096;

  private final AccountResolver accounts;
  private final CustomerCache cache;
  private final Upstream upstream;
  private final ModelMapper models;
  private final JsonMapper json;
  private final ApplicationContext applicationContext;

  /**
   * JSON bodies of served customers, keyed by identity. The cache never modifies a customer it
   * holds: a write stores a new object, which gets its own body here.
   */
  private final Cache<Customer, byte[]> bodies =
      Caffeine.newBuilder().weakKeys().maximumSize(MAX_BODIES).build();

  CachedCustomerFilter(
      AccountResolver accounts,
      CustomerCache cache,
      Upstream upstream,
      ModelMapper models,
      JsonMapper json,
      ApplicationContext applicationContext) {
    this.accounts = accounts;
    this.cache = cache;
    this.upstream = upstream;
    this.models = models;
    this.json = json;
    this.applicationContext = applicationContext;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long id = plainReadId(exchange);
    if (id < 1) {
      return chain.filter(exchange);
    }

    // An account that does not resolve goes on to the controller, which resolves it again and
    // renders the problem.
    Account account = account(exchange.getRequest());
    CachedRead<Customer> hit =
        account == null ? null : freshHit(exchange, account, CustomerApiClients.API_VERSION, id);
    return hit != null ? write(exchange, hit) : chain.filter(exchange);
  }

  /**
   * Returns the customer id of a request this filter may serve from the cache, or -1 for any other
   * request.
   */
  private long plainReadId(ServerWebExchange exchange) {
    // A separate management port runs this filter too, but must never serve the API.
    if (exchange.getApplicationContext() != applicationContext) {
      return -1;
    }
    return plainReadId(exchange.getRequest());
  }

  /**
   * Returns whether this filter would serve the request from a fresh cache entry if it arrived now,
   * without counting a read or starting a refresh.
   */
  boolean hasFreshHit(ServerHttpRequest request) {
    long id = plainReadId(request);
    if (id < 1) {
      return false;
    }
    Account account = account(request);
    return account != null && cache.hasFreshEntry(account, CustomerApiClients.API_VERSION, id);
  }

  /**
   * Resolves the request's account at once, without Reactor operators, or returns null. A repeated
   * header also gives null: the controller receives its values joined and rejects them, so the
   * cache must not serve the first value alone.
   */
  private @Nullable Account account(ServerHttpRequest request) {
    HttpHeaders headers = request.getHeaders();
    if (isRepeated(headers, FacadeHeaders.CONSUMER_ID)
        || isRepeated(headers, FacadeHeaders.ACCOUNT)
        || isRepeated(headers, FacadeHeaders.REGION)) {
      return null;
    }
    return accounts.resolveOrNull(
        headers.getFirst(FacadeHeaders.CONSUMER_ID),
        headers.getFirst(FacadeHeaders.ACCOUNT),
        headers.getFirst(FacadeHeaders.REGION));
  }

  private static boolean isRepeated(HttpHeaders headers, String name) {
    List<String> values = headers.get(name);
    return values != null && values.size() > 1;
  }

  private static long plainReadId(ServerHttpRequest request) {
    if (!HttpMethod.GET.equals(request.getMethod()) || request.getURI().getRawQuery() != null) {
      return -1;
    }
    HttpHeaders headers = request.getHeaders();
    if (!List.of(CustomerApiClients.API_VERSION).equals(headers.get("x-api-version"))
        || headers.containsHeader(HttpHeaders.CACHE_CONTROL)
        || !acceptsJson(headers.get(HttpHeaders.ACCEPT))) {
      return -1;
    }
    return parseId(request.getPath().value());
  }

  private static boolean acceptsJson(List<String> accept) {
    if (accept == null || accept.isEmpty()) {
      return true;
    }
    if (accept.size() > 1) {
      return false;
    }
    String value = accept.get(0).trim();
    return value.equals(MediaType.ALL_VALUE) || value.equals(MediaType.APPLICATION_JSON_VALUE);
  }

  private static long parseId(String path) {
    if (!path.startsWith(ITEM_PREFIX)) {
      return -1;
    }
    int digits = path.length() - ITEM_PREFIX.length();
    if (digits < 1 || digits > MAX_ID_DIGITS) {
      return -1;
    }
    for (int i = ITEM_PREFIX.length(); i < path.length(); i++) {
      if (path.charAt(i) < '0' || path.charAt(i) > '9') {
        return -1;
      }
    }
    return Long.parseLong(path, ITEM_PREFIX.length(), path.length(), 10);
  }

  private @Nullable CachedRead<Customer> freshHit(
      ServerWebExchange exchange, Account account, String apiVersion, long id) {
    Supplier<Mono<Customer>> loader =
        () ->
            upstream
                .call(
                    account,
                    Operation.RETRIEVE,
                    api -> api.getCustomer(id, apiVersion, null, null, null))
                .map(models::toServer);
    CachedRead<Customer> hit = cache.freshHit(account, apiVersion, id, loader);
    if (hit != null) {
      RequestRecord.recordAccount(exchange, account);
      RequestRecord.recordCacheRead(exchange, hit);
    }
    return hit;
  }

  private Mono<Void> write(ServerWebExchange exchange, CachedRead<Customer> read) {
    byte[] body;
    try {
      body = bodies.get(read.value(), json::writeValueAsBytes);
    } catch (JacksonException unserializable) {
      return Mono.error(unserializable);
    }
    // Metrics and traces tag the request with the route's pattern, as the controller's would be.
    ServerRequestObservationContext.findCurrent(exchange.getAttributes())
        .ifPresent(context -> context.setPathPattern(CustomersApi.PATH_GET_CUSTOMER));

    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(HttpStatus.OK);
    HttpHeaders headers = response.getHeaders();
    headers.addAll(CustomerController.cacheHeaders(read));
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setContentLength(body.length);
    return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
  }
}
