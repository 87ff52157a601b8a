package org.customerfacade.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogRedactorTest {

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      value = {
        "lookup of ada.lovelace@example.com failed => lookup of <email> failed",
        "GET /customer?email=ada.lovelace%40example.com => GET /customer?email=<redacted>",
        "sent to priya.raman%40example.com => sent to <email>",
        "Authorization: Bearer demo-app-local-token => Authorization: <redacted> <redacted>",
        "header bearer demo-app-local-token => header bearer <redacted>",
        "key eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl used => key <jwt> used",
        "api_key=eu-demo-key&x=1 => api_key=<redacted>&x=1",
        "X-Gateway-Secret: local-demo-gateway-secret => X-Gateway-Secret: <redacted>",
        "customer 1001 not found => customer 1001 not found",
      })
  void redactsSecretsAndPersonalData(String input, String expected) {
    assertThat(LogRedactor.redact(input)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      value = {
        "{\"first_name\":\"Ada\",\"id\":1001} => {\"first_name\":\"<redacted>\",\"id\":1001}",
        "{\"last_name\": \"Lovelace\"} => {\"last_name\": \"<redacted>\"}",
        "{\"phone\":\"+44 20 7946 0000\"} => {\"phone\":\"<redacted>\"}",
        "{\"date_of_birth\":\"1815-12-10\"} => {\"date_of_birth\":\"<redacted>\"}",
        "first_name=Ada last_name=Lovelace => first_name=<redacted> last_name=<redacted>",
      })
  void redactsPersonalFields(String input, String expected) {
    assertThat(LogRedactor.redact(input)).isEqualTo(expected);
  }
}
