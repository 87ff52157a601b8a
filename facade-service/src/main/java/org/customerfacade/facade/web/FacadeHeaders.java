package org.customerfacade.facade.web;

/** Names of the headers the facade reads from the gateway and adds to its responses. */
public final class FacadeHeaders {

  /** Id of the authenticated consumer, set by the gateway after it strips any incoming copy. */
  public static final String CONSUMER_ID = "X-Consumer-Id";

  /** Account the consumer chose among those it may use; optional. */
  public static final String ACCOUNT = "X-Account";

  /**
   * Region to route the request to instead of the account's; honoured only for consumers allowed to
   * override regions. Optional.
   */
  public static final String REGION = "X-Region";

  /** Request id, set by the gateway and echoed back. */
  public static final String REQUEST_ID = "X-Request-Id";

  /**
   * {@code HIT} when the response came from the cache, {@code STALE} when from an expired entry
   * because the provider failed, {@code MISS} when from the provider.
   */
  public static final String CACHE = "X-Cache";

  /** Cache handling of the request, in the format of RFC 9211. */
  public static final String CACHE_STATUS = "Cache-Status";

  private FacadeHeaders() {}
}
