package org.customerfacade.facade.trust;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The secret that the gateway sends with every request it forwards. The facade serves only requests
 * that carry it, so a caller that reaches the facade's port directly cannot claim a consumer
 * identity.
 */
@Validated
@ConfigurationProperties(prefix = GatewayTrustProperties.PREFIX)
public class GatewayTrustProperties {

  public static final String PREFIX = "facade.trust";

  /** The local demo value of the secret, shared with the gateway's application.yml. */
  public static final String DEMO_SECRET = "local-demo-gateway-secret";

  /**
   * Shared secret expected in {@code X-Gateway-Secret}, at least 16 characters. Defaults to {@link
   * #DEMO_SECRET} through {@code GATEWAY_SHARED_SECRET} in application.yml.
   */
  @NotNull(message = PREFIX + ".gateway-secret is required, but was missing")
  @Size(
      min = 16,
      message =
          PREFIX
              + ".gateway-secret must be at least 16 characters long; set GATEWAY_SHARED_SECRET"
              + " to the same value in the gateway and the facade")
  private String gatewaySecret;

  public String getGatewaySecret() {
    return gatewaySecret;
  }

  public void setGatewaySecret(String gatewaySecret) {
    this.gatewaySecret = gatewaySecret;
  }

  /** Keeps the secret out of logs and start-up failure reports. */
  @Override
  public String toString() {
    return "GatewayTrustProperties[gatewaySecret=<redacted>]";
  }
}
