package org.customerfacade.facade.observability;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.customerfacade.facade.account.Account;
import org.customerfacade.facade.account.Environment;
import org.customerfacade.facade.account.Region;
import org.customerfacade.facade.cache.CachedRead;
import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/**
 * Facts about one request that the access log reports beyond its headers and status: the account it
 * resolved to, how the cache served it, and the last provider endpoint it reached.
 *
 * <p>{@link AccessLogFilter} stores one in the exchange's attributes and in the Reactor context.
 * The controller and the cache filter add the account and the cache result. The upstream call finds
 * the record in its Reactor context and adds the endpoint. Cache loads and idempotent creates run
 * detached from the request's subscription, so the tracing's cache-lookup span and the controller
 * hand them the request's context. Fields are volatile because those parts run on different
 * threads.
 */
public final class RequestRecord {

  /** Key of the record in the exchange's attributes and in the Reactor context. */
  public static final String KEY = RequestRecord.class.getName();

  private static final String[] REGIONS = lowerCaseNames(Region.values());
  private static final String[] ENVIRONMENTS = lowerCaseNames(Environment.values());

  private static final AtomicIntegerFieldUpdater<RequestRecord> WRITTEN =
      AtomicIntegerFieldUpdater.newUpdater(RequestRecord.class, "written");

  private volatile @Nullable Account account;
  private volatile CachedRead.@Nullable Source cache;
  private volatile @Nullable String upstream;
  private volatile int upstreamAttempts;
  private volatile int written;

  RequestRecord() {}

  /** Notes the account that the request resolved to, when the access log records the exchange. */
  public static void recordAccount(ServerWebExchange exchange, Account account) {
    RequestRecord record = exchange.getAttribute(KEY);
    if (record != null) {
      record.account = account;
    }
  }

  /** Notes how the cache served the request, when the access log records the exchange. */
  public static void recordCacheRead(ServerWebExchange exchange, CachedRead<?> read) {
    RequestRecord record = exchange.getAttribute(KEY);
    if (record != null) {
      record.cache = read.source();
    }
  }

  /**
   * Notes that the request reached {@code endpoint}; the last one noted is logged. The attempts of
   * one request run one after another, so the count needs no atomic update.
   */
  public void recordUpstreamAttempt(String endpoint) {
    upstream = endpoint;
    upstreamAttempts++;
  }

  /** Returns true once, for the caller that gets to write the access-log line. */
  boolean claimWrite() {
    return WRITTEN.compareAndSet(this, 0, 1);
  }

  @Nullable String accountName() {
    Account current = account;
    return current == null ? null : current.name();
  }

  @Nullable String region() {
    Account current = account;
    return current == null ? null : REGIONS[current.region().ordinal()];
  }

  @Nullable String environment() {
    Account current = account;
    return current == null ? null : ENVIRONMENTS[current.environment().ordinal()];
  }

  @Nullable String cache() {
    CachedRead.Source current = cache;
    return current == null ? null : current.name();
  }

  @Nullable String upstream() {
    return upstream;
  }

  int upstreamAttempts() {
    return upstreamAttempts;
  }

  private static String[] lowerCaseNames(Enum<?>[] constants) {
    String[] names = new String[constants.length];
    for (Enum<?> constant : constants) {
      names[constant.ordinal()] = constant.name().toLowerCase(Locale.ROOT);
    }
    return names;
  }
}
