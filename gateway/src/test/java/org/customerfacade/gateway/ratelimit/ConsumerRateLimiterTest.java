package org.customerfacade.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.customerfacade.gateway.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import reactor.test.StepVerifier;

class ConsumerRateLimiterTest {

  private final MutableClock clock = new MutableClock();
  private final RateLimitProperties properties = new RateLimitProperties();
  private final ConsumerRateLimiter limiter =
      new ConsumerRateLimiter(properties, new LocalTokenBucketStore(clock));

  @Test
  void allowedResponseCarriesHeaders() {
    properties.getConsumers().put("slow", LocalTokenBucketStoreTest.limit(1, 120, 60));

    StepVerifier.create(limiter.isAllowed("route", "slow"))
        .assertNext(
            response -> {
              assertThat(response.isAllowed()).isTrue();
              assertThat(response.getHeaders()).containsEntry("RateLimit-Limit", "2");
              assertThat(response.getHeaders()).containsEntry("RateLimit-Remaining", "1");
              assertThat(response.getHeaders()).containsEntry("RateLimit-Reset", "60");
            })
        .verifyComplete();
  }

  @Test
  void emptyBucketEmitsRetryAfter() {
    properties.getConsumers().put("slow", LocalTokenBucketStoreTest.limit(1, 120, 60));
    limiter.isAllowed("route", "slow").block();
    limiter.isAllowed("route", "slow").block();
    clock.advance(Duration.ofSeconds(15));

    StepVerifier.create(limiter.isAllowed("route", "slow"))
        .expectErrorSatisfies(
            error -> {
              assertThat(error).isInstanceOf(RateLimitExceededException.class);
              RateLimitExceededException exceeded = (RateLimitExceededException) error;
              assertThat(exceeded.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
              assertThat(exceeded.getHeaders().getFirst("Retry-After")).isEqualTo("45");
              assertThat(exceeded.getHeaders().getFirst("RateLimit-Remaining")).isEqualTo("0");
              assertThat(exceeded.getHeaders().getFirst("RateLimit-Reset")).isEqualTo("105");
              assertThat(exceeded.getBody().getDetail()).contains("'slow'", "45 second");
            })
        .verify();
  }

  @Test
  void consumerWithoutEntryUsesDefaults() {
    StepVerifier.create(limiter.isAllowed("route", "anyone"))
        .assertNext(
            response -> {
              assertThat(response.getHeaders()).containsEntry("RateLimit-Limit", "100");
              assertThat(response.getHeaders()).containsEntry("RateLimit-Remaining", "99");
            })
        .verifyComplete();
  }
}
