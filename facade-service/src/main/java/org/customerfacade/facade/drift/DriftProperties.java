package org.customerfacade.facade.drift;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** Drift detection: sampled provider responses checked against the spec, in report-only mode. */
@Validated
@ConfigurationProperties(prefix = DriftProperties.PREFIX)
public class DriftProperties {

  public static final String PREFIX = "facade.drift";

  /** Whether sampled responses are checked at all. Default true. */
  private boolean enabled = true;

  /** Share of successful provider responses that are checked, from 0.0 to 1.0. Default 0.05. */
  @DecimalMin(value = "0.0", message = PREFIX + ".sample-rate must be between 0.0 and 1.0")
  @DecimalMax(value = "1.0", message = PREFIX + ".sample-rate must be between 0.0 and 1.0")
  private double sampleRate = 0.05;

  /**
   * Maximum number of sampled responses waiting for their check. A response sampled while the queue
   * is full is not checked. Default 100.
   */
  @Min(value = 1, message = PREFIX + ".queue-capacity must be at least 1")
  private int queueCapacity = 100;

  /** Largest response body that is copied for a check. Larger ones are skipped. Default 256KB. */
  private DataSize maxBodySize = DataSize.ofKilobytes(256);

  /**
   * Maximum number of WARN lines about new kinds of drift per minute. The rest are only counted.
   * Default 10.
   */
  @Min(value = 1, message = PREFIX + ".max-warnings-per-minute must be at least 1")
  private int maxWarningsPerMinute = 10;

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public double getSampleRate() {
    return sampleRate;
  }

  public void setSampleRate(double sampleRate) {
    this.sampleRate = sampleRate;
  }

  public int getQueueCapacity() {
    return queueCapacity;
  }

  public void setQueueCapacity(int queueCapacity) {
    this.queueCapacity = queueCapacity;
  }

  public DataSize getMaxBodySize() {
    return maxBodySize;
  }

  public void setMaxBodySize(DataSize maxBodySize) {
    this.maxBodySize = maxBodySize;
  }

  public int getMaxWarningsPerMinute() {
    return maxWarningsPerMinute;
  }

  public void setMaxWarningsPerMinute(int maxWarningsPerMinute) {
    this.maxWarningsPerMinute = maxWarningsPerMinute;
  }
}
