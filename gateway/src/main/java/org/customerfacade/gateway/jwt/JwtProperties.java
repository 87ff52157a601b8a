package org.customerfacade.gateway.jwt;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * JWT bearer tokens from the internal identity provider, accepted beside the static tokens of
 * {@code edge.consumers}. The token's {@code scope} claim grants operations: {@code customer:read}
 * grants retrieve and find, {@code customer:write} grants create, update and delete.
 */
@Validated
@ConfigurationProperties(prefix = JwtProperties.PREFIX)
public class JwtProperties {

  public static final String PREFIX = "edge.jwt";

  /** Whether JWTs are accepted. Defaults to false, so only static tokens work. */
  private boolean enabled;

  /** Required {@code iss} claim, the identity provider's issuer URI. */
  private String issuerUri;

  /** URL of the identity provider's JSON Web Key Set, which signs the tokens. */
  private String jwkSetUri;

  /** Value that the {@code aud} claim must contain; empty accepts any audience. */
  private String audience = "";

  /** Claim whose value is the consumer id sent to the facade. Defaults to {@code sub}. */
  @NotBlank(message = PREFIX + ".consumer-claim must not be blank, but was '${validatedValue}'")
  private String consumerClaim = "sub";

  @AssertTrue(
      message =
          PREFIX
              + ".issuer-uri and "
              + PREFIX
              + ".jwk-set-uri are required when "
              + PREFIX
              + ".enabled is true, but at least one was missing")
  boolean isComplete() {
    return !enabled || (hasText(issuerUri) && hasText(jwkSetUri));
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getIssuerUri() {
    return issuerUri;
  }

  public void setIssuerUri(String issuerUri) {
    this.issuerUri = issuerUri;
  }

  public String getJwkSetUri() {
    return jwkSetUri;
  }

  public void setJwkSetUri(String jwkSetUri) {
    this.jwkSetUri = jwkSetUri;
  }

  public String getAudience() {
    return audience;
  }

  public void setAudience(String audience) {
    this.audience = audience;
  }

  public String getConsumerClaim() {
    return consumerClaim;
  }

  public void setConsumerClaim(String consumerClaim) {
    this.consumerClaim = consumerClaim;
  }
}
