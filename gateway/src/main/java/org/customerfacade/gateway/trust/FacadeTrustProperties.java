package org.customerfacade.gateway.trust;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The secret that proves to the facade that a request came through the gateway. The facade's {@code
 * facade.trust.gateway-secret} must have the same value.
 */
@Validated
@ConfigurationProperties(prefix = FacadeTrustProperties.PREFIX)
public class FacadeTrustProperties {

  public static final String PREFIX = "edge.trust";

  /** The local demo value of the secret, shared with the facade's application.yml. */
  public static final String DEMO_SECRET = "local-demo-gateway-secret";

  /**
   * Shared secret sent to the facade in {@code X-Gateway-Secret}, at least 16 characters. Defaults
   * to {@link #DEMO_SECRET} through {@code GATEWAY_SHARED_SECRET} in application.yml.
   */
  @NotNull(message = PREFIX + ".facade-secret is required, but was missing")
  @Size(
      min = 16,
      message =
          PREFIX
              + ".facade-secret must be at least 16 characters long; set GATEWAY_SHARED_SECRET"
              + " to the same value in the gateway and the facade")
  private String facadeSecret;

  public String getFacadeSecret() {
    return facadeSecret;
  }

  public void setFacadeSecret(String facadeSecret) {
    this.facadeSecret = facadeSecret;
  }

  /** Keeps the secret out of logs and start-up failure reports. */
  @Override
  public String toString() {
    return "FacadeTrustProperties[facadeSecret=<redacted>]";
  }
}
