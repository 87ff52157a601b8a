package org.customerfacade.facade.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.customerfacade.facade.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {

  private final MutableClock clock = new MutableClock();
  private RetryBudget budget;

  @BeforeEach
  void createBudget() {
    ResilienceProperties properties = new ResilienceProperties();
    properties.getRetryBudget().setPercent(20);
    properties.getRetryBudget().setMinimumRetries(2);
    properties.getRetryBudget().setWindow(Duration.ofSeconds(10));
    budget = new RetryBudget(properties, clock);
  }

  @Test
  void grantsMinimumWithoutRequests() {
    assertThat(budget.tryAcquireRetry()).isTrue();
    assertThat(budget.tryAcquireRetry()).isTrue();

    assertThat(budget.tryAcquireRetry()).isFalse();
  }

  @Test
  void grantsTwentyPercentOfRequests() {
    for (int i = 0; i < 100; i++) {
      budget.recordRequest();
    }

    int granted = 0;
    while (budget.tryAcquireRetry()) {
      granted++;
    }

    assertThat(granted).isEqualTo(22);
  }

  @Test
  void forgetsRetriesOutsideWindow() {
    budget.tryAcquireRetry();
    budget.tryAcquireRetry();

    clock.advance(Duration.ofSeconds(10));

    assertThat(budget.tryAcquireRetry()).isTrue();
  }

  @Test
  void keepsRetriesInsideWindow() {
    budget.tryAcquireRetry();
    clock.advance(Duration.ofSeconds(5));
    budget.tryAcquireRetry();

    clock.advance(Duration.ofSeconds(4));

    assertThat(budget.tryAcquireRetry()).isFalse();
  }
}
