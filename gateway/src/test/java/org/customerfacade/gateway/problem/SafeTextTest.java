package org.customerfacade.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeTextTest {

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      value = {
        "/customer/1001 => /customer/1001",
        "/a<script>alert(1)</script> => /a%3Cscript%3Ealert%281%29%3C/script%3E",
        "say \"hi\" => say%20%22hi%22",
        "a'b => a%27b",
        "%2e%2e => %252e%252e",
        "é => %C3%A9",
      })
  void escapesUnsafeCharacters(String input, String expected) {
    assertThat(SafeText.of(input)).isEqualTo(expected);
  }

  @Test
  void escapesLineBreaks() {
    assertThat(SafeText.of("a\r\nb")).isEqualTo("a%0D%0Ab");
  }

  @Test
  void cutsLongInput() {
    String safe = SafeText.of("x".repeat(500));

    assertThat(safe).hasSize(SafeText.MAX_LENGTH + 3);
    assertThat(safe).endsWith("...");
  }

  @Test
  void nullBecomesEmpty() {
    assertThat(SafeText.of(null)).isEmpty();
  }
}
