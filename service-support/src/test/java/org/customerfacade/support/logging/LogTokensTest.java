package org.customerfacade.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogTokensTest {

  @ParameterizedTest
  @ValueSource(strings = {"eu-demo", "demo_app.2", "e3d5351b-99f5-4bb1-9fea-384a51285837", "HIT"})
  void plainTokenIsKept(String value) {
    assertThat(LogTokens.plainToken(value)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "+44 20 7946 0321",
        "Bearer demo-app-local-token",
        "ada.lovelace@example.com",
        "Zelda Quixotic",
        "password=hunter2",
        "a\"b",
        "caf\u00e9",
        "x\u2028y"
      })
  void otherValueIsInvalid(String value) {
    assertThat(LogTokens.plainToken(value)).isEqualTo(LogTokens.INVALID);
  }

  @Test
  void valueOverSixtyFourCharactersIsInvalid() {
    assertThat(LogTokens.plainToken("a".repeat(64))).isEqualTo("a".repeat(64));
    assertThat(LogTokens.plainToken("a".repeat(65))).isEqualTo(LogTokens.INVALID);
  }

  @Test
  void missingValueIsNone() {
    assertThat(LogTokens.plainToken(null)).isEqualTo(LogTokens.NONE);
  }
}
