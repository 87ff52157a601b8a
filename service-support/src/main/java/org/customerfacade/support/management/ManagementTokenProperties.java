package org.customerfacade.support.management;

import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Setting of the operators' token that each service binds under its own prefix, through a subclass
 * annotated with {@code @ConfigurationProperties} and {@code @Validated}.
 */
public abstract class ManagementTokenProperties {

  /**
   * Lowercase hex SHA-256 of the operators' bearer token ({@code printf %s TOKEN | sha256sum}),
   * required on every management endpoint except health. When empty, those endpoints reject every
   * call.
   */
  @Pattern(
      regexp = ManagementTokenFilter.SHA256_HEX,
      message = "token-sha256 " + ManagementTokenFilter.SHA256_HEX_MESSAGE)
  private @Nullable String tokenSha256;

  public @Nullable String getTokenSha256() {
    return tokenSha256;
  }

  public void setTokenSha256(@Nullable String tokenSha256) {
    this.tokenSha256 = tokenSha256;
  }
}
