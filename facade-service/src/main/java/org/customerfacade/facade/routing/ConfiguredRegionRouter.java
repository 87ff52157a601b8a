package org.customerfacade.facade.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.customerfacade.facade.account.Account;
import org.customerfacade.facade.account.AccountResolver;
import org.customerfacade.facade.account.Environment;
import org.customerfacade.facade.account.Region;
import org.springframework.stereotype.Component;

/**
 * Routes each account to the endpoints configured for its own region and environment only, so a
 * request never reaches another region's data.
 */
@Component
class ConfiguredRegionRouter implements RegionRouter {

  private final Map<String, List<UpstreamEndpoint>> endpointsByLocation = new HashMap<>();
  private final List<UpstreamEndpoint> allEndpoints = new ArrayList<>();

  ConfiguredRegionRouter(RoutingProperties properties, AccountResolver accounts) {
    properties
        .getRegions()
        .forEach(
            (region, environments) ->
                environments.forEach((environment, urls) -> register(region, environment, urls)));
    accounts.accounts().forEach(this::checkRouted);
  }

  @Override
  public List<UpstreamEndpoint> endpointsFor(Account account) {
    return endpointsByLocation.getOrDefault(
        location(account.region(), account.environment()), List.of());
  }

  @Override
  public List<UpstreamEndpoint> readEndpointsFor(Account account) {
    Region failoverRegion = account.failoverRegion();
    if (failoverRegion == null) {
      return endpointsFor(account);
    }
    List<UpstreamEndpoint> endpoints = new ArrayList<>(endpointsFor(account));
    endpoints.addAll(
        endpointsByLocation.getOrDefault(
            location(failoverRegion, account.environment()), List.of()));
    return endpoints;
  }

  @Override
  public List<UpstreamEndpoint> allEndpoints() {
    return List.copyOf(allEndpoints);
  }

  private void register(Region region, Environment environment, List<URI> urls) {
    String location = location(region, environment);
    List<UpstreamEndpoint> endpoints = new ArrayList<>();
    for (int i = 0; i < urls.size(); i++) {
      URI url = urls.get(i);
      if (url.getScheme() == null || url.getHost() == null) {
        throw new IllegalStateException(
            RoutingProperties.PREFIX
                + ".regions."
                + location.replace('-', '.')
                + "["
                + i
                + "] must be an absolute http(s) URL but was '"
                + url
                + "'");
      }
      endpoints.add(new UpstreamEndpoint(location + "-" + (i + 1), url));
    }
    endpointsByLocation.put(location, List.copyOf(endpoints));
    allEndpoints.addAll(endpoints);
  }

  private void checkRouted(Account account) {
    checkHasEndpoints(account, account.region(), "");
    Region failoverRegion = account.failoverRegion();
    if (failoverRegion == account.region()) {
      throw new IllegalStateException(
          "facade.accounts."
              + account.name()
              + ".failover-region must differ from the account's region "
              + account.region()
              + "; remove it or name the region that holds a replica");
    }
    if (failoverRegion != null) {
      checkHasEndpoints(account, failoverRegion, ".failover-region");
    }
  }

  private void checkHasEndpoints(Account account, Region region, String property) {
    List<UpstreamEndpoint> endpoints =
        endpointsByLocation.get(location(region, account.environment()));
    if (endpoints == null || endpoints.isEmpty()) {
      throw new IllegalStateException(
          "facade.accounts."
              + account.name()
              + property
              + " is in "
              + region
              + " "
              + account.environment()
              + ", but "
              + RoutingProperties.PREFIX
              + ".regions has no endpoint there; add at least one base URL");
    }
  }

  private static String location(Region region, Environment environment) {
    return (region + "-" + environment).toLowerCase(Locale.ROOT);
  }
}
