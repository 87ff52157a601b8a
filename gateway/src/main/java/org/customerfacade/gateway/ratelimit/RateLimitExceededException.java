package org.customerfacade.gateway.ratelimit;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Raised when a consumer's token bucket is empty; becomes a 429 with {@code Retry-After}. */
public class RateLimitExceededException extends ErrorResponseException {

  RateLimitExceededException(
      String consumerId, Map<String, String> rateLimitHeaders, long retryAfterSeconds) {
    super(HttpStatus.TOO_MANY_REQUESTS, problem(consumerId, retryAfterSeconds), null);
    rateLimitHeaders.forEach(getHeaders()::set);
    getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
  }

  private static ProblemDetail problem(String consumerId, long retryAfterSeconds) {
    String detail =
        "Consumer '%s' has used up its rate limit. Retry after %d second(s), and spread requests"
                .formatted(consumerId, retryAfterSeconds)
            + " out or ask the gateway operators for a higher limit.";
    return ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, detail);
  }
}
