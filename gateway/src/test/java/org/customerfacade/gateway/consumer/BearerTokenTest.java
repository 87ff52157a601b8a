package org.customerfacade.gateway.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BearerTokenTest {

  @Test
  void readsTokenAfterScheme() {
    BearerToken bearer = BearerToken.parse(List.of("Bearer abc.DEF-123_~+/=="));

    assertThat(bearer.token()).contains("abc.DEF-123_~+/==");
    assertThat(bearer.failure()).isEmpty();
  }

  @Test
  void schemeIgnoresCase() {
    BearerToken bearer = BearerToken.parse(List.of("BEARER token-1"));

    assertThat(bearer.token()).contains("token-1");
  }

  @Test
  void missingHeaderIsMissingCredentials() {
    BearerToken bearer = BearerToken.parse(List.of());

    assertThat(bearer.failure()).contains(AuthenticationFailure.MISSING_CREDENTIALS);
    assertThat(bearer.token()).isEmpty();
  }

  @Test
  void twoHeadersAreMalformed() {
    BearerToken bearer = BearerToken.parse(List.of("Bearer one", "Bearer two"));

    assertThat(bearer.failure()).contains(AuthenticationFailure.MALFORMED_TOKEN);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Basic dXNlcjpwYXNz | UNSUPPORTED_SCHEME",
        "ApiKey key=\"k\" | UNSUPPORTED_SCHEME",
        "Bearertoken | UNSUPPORTED_SCHEME",
        "Bearer | MALFORMED_TOKEN",
        "Bearer two words | MALFORMED_TOKEN",
        "Bearer tok\"en | MALFORMED_TOKEN",
        "Bearer =abc | MALFORMED_TOKEN"
      })
  void rejectsMalformedHeader(String authorization, AuthenticationFailure expected) {
    BearerToken bearer = BearerToken.parse(List.of(authorization));

    assertThat(bearer.failure()).contains(expected);
    assertThat(bearer.token()).isEmpty();
  }

  @Test
  void toStringHidesToken() {
    BearerToken bearer = BearerToken.parse(List.of("Bearer secret-token"));

    assertThat(bearer.toString()).doesNotContain("secret-token");
  }
}
