package org.customerfacade.facade.routing;

import java.util.List;
import org.customerfacade.facade.account.Account;

/** Chooses the provider endpoints that may serve an account. */
public interface RegionRouter {

  /**
   * Returns the endpoints of the account's region and environment, primary first. Empty only for an
   * account routed by request to a region without endpoints in its environment: a configured
   * account without endpoints is rejected at start-up.
   */
  List<UpstreamEndpoint> endpointsFor(Account account);

  /**
   * Returns the endpoints that may serve a read for the account: those of {@link #endpointsFor},
   * then those of the account's failover region, if it names one.
   */
  List<UpstreamEndpoint> readEndpointsFor(Account account);

  /** Returns every configured endpoint. */
  List<UpstreamEndpoint> allEndpoints();
}
