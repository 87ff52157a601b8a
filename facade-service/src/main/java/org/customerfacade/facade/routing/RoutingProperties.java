package org.customerfacade.facade.routing;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.customerfacade.facade.account.Environment;
import org.customerfacade.facade.account.Region;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Provider endpoints of each region and environment, in order of preference.
 *
 * <p>The first endpoint is the primary; the others take over while it fails. Endpoints of one
 * region and environment must serve the same data, because the provider's regions do not share
 * customers.
 */
@Validated
@ConfigurationProperties(prefix = RoutingProperties.PREFIX)
public class RoutingProperties {

  public static final String PREFIX = "facade.routing";

  /** Base URLs by region, then environment, for example {@code eu.production}. */
  private Map<Region, Map<Environment, List<URI>>> regions = new EnumMap<>(Region.class);

  public Map<Region, Map<Environment, List<URI>>> getRegions() {
    return regions;
  }

  public void setRegions(Map<Region, Map<Environment, List<URI>>> regions) {
    this.regions = regions;
  }
}
