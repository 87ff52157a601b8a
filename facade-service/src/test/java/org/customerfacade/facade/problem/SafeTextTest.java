package org.customerfacade.facade.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {

  @Test
  void plainTextIsQuotedUnchanged() {
    assertThat(SafeText.quoted("Ada Lovelace")).isEqualTo("'Ada Lovelace'");
  }

  @Test
  void markupIsEscaped() {
    assertThat(SafeText.quoted("<b>&'\"")).isEqualTo("'\\u003Cb\\u003E\\u0026\\u0027\\u0022'");
  }

  @Test
  void controlAndFormatCharactersAreEscaped() {
    assertThat(SafeText.escaped("a\u0000b\nc\u202ed")).isEqualTo("a\\u0000b\\u000Ac\\u202Ed");
  }

  @Test
  void longTextIsCutByCodePoints() {
    String emoji = "\uD83D\uDE00";

    String cut = SafeText.escaped(emoji.repeat(100));

    assertThat(cut).isEqualTo(emoji.repeat(SafeText.MAX_CODE_POINTS) + "…");
  }

  @Test
  void pointerEscapesTildeAndSlash() {
    assertThat(SafeText.memberPointer("a/b~c")).isEqualTo("/a~1b~0c");
  }
}
