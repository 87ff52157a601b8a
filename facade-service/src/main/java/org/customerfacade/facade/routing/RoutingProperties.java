package org.customerfacade.facade.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
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

  @Valid @NotNull private HealthProbeOptions healthProbe = new HealthProbeOptions();

  public HealthProbeOptions getHealthProbe() {
    return healthProbe;
  }

  public void setHealthProbe(HealthProbeOptions healthProbe) {
    this.healthProbe = healthProbe;
  }

  public Map<Region, Map<Environment, List<URI>>> getRegions() {
    return regions;
  }

  public void setRegions(Map<Region, Map<Environment, List<URI>>> regions) {
    this.regions = regions;
  }

  /**
   * Active health probes: a periodic cheap lookup sent to every endpoint whose breaker lets it
   * through. Results count in the endpoint's breaker like calls do, so a dead endpoint opens its
   * breaker without costing callers a failed call, and a recovered one closes it again.
   */
  public static class HealthProbeOptions {

    /** Whether probes run; default false. */
    private boolean enabled;

    /** Time between two rounds of probes; default 10 seconds. */
    @NotNull private Duration interval = Duration.ofSeconds(10);

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getInterval() {
      return interval;
    }

    public void setInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException(
            PREFIX + ".health-probe.interval must be positive but was " + interval);
      }
      this.interval = interval;
    }
  }
}
