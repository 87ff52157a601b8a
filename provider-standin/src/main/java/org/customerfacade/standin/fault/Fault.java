package org.customerfacade.standin.fault;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A fault injected into an endpoint, as sent to and returned by the admin API.
 *
 * <p>A fault is either a mode on its own, or a latency, a status or both. With {@code hang} the
 * endpoint accepts requests and sends no response until the fault changes. With {@code down} it
 * stops listening, so connections are refused. A latency delays each request, and a status makes
 * the endpoint respond with a problem of that status.
 *
 * @param latencyMs delay before each request is handled, in milliseconds (0 to 60000)
 * @param status status of the problem sent in response to every request (400 to 599)
 * @param mode {@code hang} or {@code down}
 */
public record Fault(
    @JsonProperty("latency_ms")
        @Min(value = 0, message = "must be between 0 and 60000 milliseconds")
        @Max(value = 60000, message = "must be between 0 and 60000 milliseconds")
        @Nullable Integer latencyMs,
    @Min(value = 400, message = "must be an HTTP error status between 400 and 599")
        @Max(value = 599, message = "must be an HTTP error status between 400 and 599")
        @Nullable Integer status,
    @Pattern(regexp = "hang|down", message = "must be one of hang, down") @Nullable String mode) {

  static final String HANG = "hang";

  static final String DOWN = "down";

  @JsonIgnore
  public boolean isHang() {
    return HANG.equals(mode);
  }

  @JsonIgnore
  public boolean isDown() {
    return DOWN.equals(mode);
  }

  /** Returns what makes this combination of settings meaningless, if anything. */
  Optional<String> findCombinationProblem() {
    if (latencyMs == null && status == null && mode == null) {
      return Optional.of("Send at least one of latency_ms, status or mode.");
    }
    if (mode != null && (latencyMs != null || status != null)) {
      return Optional.of("Send mode on its own; it cannot be combined with latency_ms or status.");
    }
    return Optional.empty();
  }
}
