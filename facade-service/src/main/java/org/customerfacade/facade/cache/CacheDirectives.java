package org.customerfacade.facade.cache;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.customerfacade.facade.problem.FacadeProblem;
import org.customerfacade.facade.problem.FacadeProblem.FieldError;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The request directives of a caller's {@code Cache-Control} header (RFC 9111, section 5.2.1) that
 * the cache honours. Every directive is read on its own, so a header that carries several of them
 * applies each one. Unknown directives are ignored, as the RFC requires.
 *
 * @param noCache fetch from the provider and store the result, even when a fresh entry exists
 * @param noStore neither read nor write the cache
 * @param maxAge accept only an entry at most this old; null when not given
 * @param onlyIfCached serve from the cache or fail with 504, never call the provider
 */
public record CacheDirectives(
    boolean noCache, boolean noStore, @Nullable Duration maxAge, boolean onlyIfCached) {

  /** No directives: the cache decides alone. */
  public static final CacheDirectives NONE = new CacheDirectives(false, false, null, false);

  private static final String HEADER = "Cache-Control";

  /**
   * Parses every {@code Cache-Control} header line of a request, and emits a 400 problem when
   * {@code max-age} has no valid number of seconds.
   */
  public static Mono<CacheDirectives> parse(@Nullable List<String> headerValues) {
    if (headerValues == null || headerValues.isEmpty()) {
      return Mono.just(NONE);
    }
    boolean noCache = false;
    boolean noStore = false;
    boolean onlyIfCached = false;
    Duration maxAge = null;

    for (String line : headerValues) {
      for (String directive : line.split(",")) {
        String[] nameAndValue = directive.trim().split("=", 2);
        String name = nameAndValue[0].trim().toLowerCase(Locale.ROOT);
        switch (name) {
          case "no-cache" -> noCache = true;
          case "no-store" -> noStore = true;
          case "only-if-cached" -> onlyIfCached = true;
          case "max-age" -> {
            Duration parsed = seconds(nameAndValue.length == 2 ? nameAndValue[1] : null);
            if (parsed == null) {
              return Mono.error(invalidMaxAge(directive.trim()));
            }
            maxAge = maxAge == null || parsed.compareTo(maxAge) < 0 ? parsed : maxAge;
          }
          default -> {
            // Other directives (max-stale, min-fresh, no-transform, extensions) are ignored.
          }
        }
      }
    }
    return Mono.just(new CacheDirectives(noCache, noStore, maxAge, onlyIfCached));
  }

  /** Returns whether an entry of this age may serve the request without calling the provider. */
  boolean accepts(Duration age) {
    return !noCache && (maxAge == null || age.compareTo(maxAge) <= 0);
  }

  /** Returns whether an entry past its TTL may be served when the provider fails. */
  boolean allowsStale() {
    return !noCache && maxAge == null;
  }

  private static @Nullable Duration seconds(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String digits = value.trim();
    if (digits.length() >= 2 && digits.startsWith("\"") && digits.endsWith("\"")) {
      digits = digits.substring(1, digits.length() - 1);
    }
    if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
      return null;
    }
    // RFC 9111 section 1.2.2: a delta-seconds too large to represent means "very long".
    return digits.length() > 10
        ? Duration.ofSeconds(Integer.MAX_VALUE)
        : Duration.ofSeconds(Long.parseLong(digits));
  }

  private static FacadeProblem invalidMaxAge(String directive) {
    return FacadeProblem.invalidRequest(
        "The Cache-Control directive '"
            + directive
            + "' is invalid; send max-age as a whole number of seconds, for example max-age=30.",
        List.of(new FieldError(HEADER, "max-age must be a whole number of seconds")));
  }
}
