package org.customerfacade.gateway.limits;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Size limits that the gateway checks before it authenticates a request. Keep them below the
 * server's own limits ({@code server.max-http-request-header-size}, {@code
 * server.netty.max-initial-line-length}), which reject larger requests without a problem body.
 */
@Validated
@ConfigurationProperties(prefix = RequestLimitsProperties.PREFIX)
public class RequestLimitsProperties {

  public static final String PREFIX = "edge.limits";

  /** Maximum length of the path and query as sent, in characters. Defaults to 2048. */
  @Min(
      value = 16,
      message = PREFIX + ".max-url-length must be at least 16, but was ${validatedValue}")
  private int maxUrlLength = 2048;

  /** Maximum total size of the header names and values. Defaults to 8KB. */
  @NotNull(message = PREFIX + ".max-header-size is required, but was missing")
  private DataSize maxHeaderSize = DataSize.ofKilobytes(8);

  /** Maximum size of a request body. Defaults to 64KB. */
  @NotNull(message = PREFIX + ".max-body-size is required, but was missing")
  private DataSize maxBodySize = DataSize.ofKilobytes(64);

  public int getMaxUrlLength() {
    return maxUrlLength;
  }

  public void setMaxUrlLength(int maxUrlLength) {
    this.maxUrlLength = maxUrlLength;
  }

  public DataSize getMaxHeaderSize() {
    return maxHeaderSize;
  }

  public void setMaxHeaderSize(DataSize maxHeaderSize) {
    this.maxHeaderSize = maxHeaderSize;
  }

  public DataSize getMaxBodySize() {
    return maxBodySize;
  }

  public void setMaxBodySize(DataSize maxBodySize) {
    this.maxBodySize = maxBodySize;
  }
}
