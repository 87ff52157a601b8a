package org.customerfacade.facade.routing;

import java.util.List;
import org.customerfacade.facade.account.Account;

/** Chooses the provider endpoints that may serve an account. */
public interface RegionRouter {

  /**
   * Returns the endpoints of the account's region and environment, primary first. Never empty: an
   * account without endpoints is rejected at start-up.
   */
  List<UpstreamEndpoint> endpointsFor(Account account);

  /** Returns every configured endpoint. */
  List<UpstreamEndpoint> allEndpoints();
}
