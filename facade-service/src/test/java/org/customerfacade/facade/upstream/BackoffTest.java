package org.customerfacade.facade.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff = new Backoff(options());

  @Test
  void ceilingDoublesUntilCap() {
    assertThat(backoff.ceiling(1)).isEqualTo(100);
    assertThat(backoff.ceiling(2)).isEqualTo(200);
    assertThat(backoff.ceiling(3)).isEqualTo(400);
    assertThat(backoff.ceiling(10)).isEqualTo(1_000);
  }

  @Test
  void delayStaysWithinCeiling() {
    for (int i = 0; i < 1_000; i++) {
      assertThat(backoff.delay(2)).isBetween(Duration.ZERO, Duration.ofMillis(200));
    }
  }

  @Test
  void delayIsSpreadOverRange() {
    long below = 0;
    for (int i = 0; i < 1_000; i++) {
      if (backoff.delay(3).toMillis() < 200) {
        below++;
      }
    }

    // Full jitter draws uniformly from 0 to 400 ms, so about half the delays fall below 200 ms.
    assertThat(below).isBetween(350L, 650L);
  }

  private static ResilienceProperties.RetryOptions options() {
    ResilienceProperties.RetryOptions options = new ResilienceProperties.RetryOptions();
    options.setInitialBackoff(Duration.ofMillis(100));
    options.setMaxBackoff(Duration.ofSeconds(1));
    return options;
  }
}
