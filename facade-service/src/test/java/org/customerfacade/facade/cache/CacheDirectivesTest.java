package org.customerfacade.facade.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.customerfacade.facade.problem.FacadeProblem;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class CacheDirectivesTest {

  @Test
  void eachDirectiveOfOneHeaderCounts() {
    CacheDirectives directives =
        CacheDirectives.parse(List.of("No-Cache, max-age=\"30\" ,only-if-cached,no-store")).block();

    assertThat(directives.noCache()).isTrue();
    assertThat(directives.noStore()).isTrue();
    assertThat(directives.onlyIfCached()).isTrue();
    assertThat(directives.maxAge()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void directivesOfSeveralLinesCombine() {
    CacheDirectives directives =
        CacheDirectives.parse(List.of("max-age=60", "no-transform, max-age=5")).block();

    assertThat(directives.maxAge()).isEqualTo(Duration.ofSeconds(5));
    assertThat(directives.noCache()).isFalse();
    assertThat(directives.noStore()).isFalse();
    assertThat(directives.onlyIfCached()).isFalse();
  }

  @Test
  void absentHeaderHasNoDirectives() {
    assertThat(CacheDirectives.parse(null).block()).isEqualTo(CacheDirectives.NONE);
  }

  @Test
  void maxAgeAcceptsOnlyYoungerEntries() {
    CacheDirectives directives = CacheDirectives.parse(List.of("max-age=10")).block();

    assertThat(directives.accepts(Duration.ofSeconds(10))).isTrue();
    assertThat(directives.accepts(Duration.ofSeconds(11))).isFalse();
    assertThat(directives.allowsStale()).isFalse();
  }

  @Test
  void invalidMaxAgeIsRejected() {
    StepVerifier.create(CacheDirectives.parse(List.of("max-age=-1")))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(FacadeProblem.class)
                    .hasMessageContaining("max-age=-1"))
        .verify();
  }
}
