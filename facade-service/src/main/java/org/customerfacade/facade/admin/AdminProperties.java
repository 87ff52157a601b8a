package org.customerfacade.facade.admin;

import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Access to the management endpoints. */
@Validated
@ConfigurationProperties(prefix = AdminProperties.PREFIX)
public class AdminProperties {

  public static final String PREFIX = "facade.admin";

  /**
   * Lowercase hex SHA-256 of the operators' bearer token ({@code printf %s TOKEN | sha256sum}),
   * required on every management endpoint except health. When empty, those endpoints reject every
   * call.
   */
  @Pattern(
      regexp = "([0-9a-f]{64})?",
      message = "must be 64 lowercase hex digits (a SHA-256), or empty to disable")
  private @Nullable String tokenSha256;

  public @Nullable String getTokenSha256() {
    return tokenSha256;
  }

  public void setTokenSha256(@Nullable String tokenSha256) {
    this.tokenSha256 = tokenSha256;
  }
}
