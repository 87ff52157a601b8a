package org.customerfacade.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogRedactorTest {

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      value = {
        "lookup of ada.lovelace@example.com failed => lookup of <email> failed",
        "GET /customer?email=ada.lovelace%40example.com => GET /customer?email=<redacted>",
        "sent to priya.raman%40example.com => sent to <email>",
        "GET /x/a%40a%40a%40example.com HTTP/1.1 => GET /x/<email> HTTP/1.1",
        "from docs%2Fada@example.com today => from <email> today",
        "Authorization: Bearer demo-app-local-token => Authorization: <redacted> <redacted>",
        "header bearer demo-app-local-token => header bearer <redacted>",
        "sent Basic ZGVtbzpzZWNyZXQ= once => sent Basic <redacted> once",
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
        "{\"date_of_birth\":\"1815-12-10\"} => {\"date_of_birth\":\"<redacted>\"}",
        "{\"address1\":\"12 St James's Square\"} => {\"address1\":\"<redacted>\"}",
        "{\"postcode\":\"SW1Y 4LB\",\"id\":7} => {\"postcode\":\"<redacted>\",\"id\":7}",
        "first_name=Ada last_name=Lovelace => first_name=<redacted> last_name=<redacted>",
        "class Customer { firstName: Ada Byron => class Customer { firstName: <redacted>",
      })
  void redactsPersonalFields(String input, String expected) {
    assertThat(LogRedactor.redact(input)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      value = {
        "{\"phone\":{\"country_code\":\"+44\",\"number\":\"20 7946 0000\"}}"
            + " => {\"phone\":{\"country_code\":\"+44\",\"number\":\"<redacted>\"}}",
        "number: 20 7946 0000 => number: <redacted>",
        "call +44 20 7946 0000 now => call <phone> now",
        "call +1 (303) 555-0142 now => call <phone> now",
      })
  void redactsPhoneNumbers(String input, String expected) {
    assertThat(LogRedactor.redact(input)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      value = {
        "{\"cf_nickname\":\"Addie\"} => {\"cf_nickname\":\"<redacted>\"}",
        "{\"cf_shoe_size\":42,\"cf_vip\":true} => {\"cf_shoe_size\":<redacted>,\"cf_vip\":<redacted>}",
        "cf_loyalty_tier=gold => cf_loyalty_tier=<redacted>",
      })
  void redactsCustomFieldValues(String input, String expected) {
    assertThat(LogRedactor.redact(input)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "first_name",
        "firstName",
        "last-name",
        "full_name",
        "email",
        "e-mail",
        "phone",
        "mobile",
        "number",
        "address",
        "address2",
        "address_line_1",
        "city",
        "county",
        "postcode",
        "post_code",
        "zip",
        "company",
        "date_of_birth",
        "dateOfBirth",
        "birthday",
        "cf_vip",
        "api_key",
        "apiKey",
        "X-Api-Key",
        "access_token",
        "token",
        "secret",
        "password",
        "Authorization",
        "credentials",
        "X-Gateway-Secret",
        "token_sha256"
      })
  void redactsEveryFieldName(String field) {
    assertThat(LogRedactor.redact(field + "=value-1")).isEqualTo(field + "=<redacted>");
    assertThat(LogRedactor.redact("{\"" + field + "\":\"value-1\"}"))
        .isEqualTo("{\"" + field + "\":\"<redacted>\"}");
  }

  @Test
  void redactsSpringHeaderMaps() {
    String headers = "[X-Api-Key:\"eu-demo-key\", Accept:\"application/json\"]";

    String redacted = LogRedactor.redact(headers);

    assertThat(redacted).isEqualTo("[X-Api-Key:\"<redacted>\", Accept:\"application/json\"]");
  }

  @Test
  void redactsEscapedQuotesInsideValues() {
    String json = "{\"last_name\":\"O\\\"Brien\",\"id\":3}";

    String redacted = LogRedactor.redact(json);

    assertThat(redacted).isEqualTo("{\"last_name\":\"<redacted>\",\"id\":3}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "9f0c1b9e-2d4a-4f61-9a43-5a8f0f9e2b11",
        "GET /customer/{id} 200 in 3 ms",
        "eu-production-1",
        "2026-12-04T21:08:37.123Z",
        "'eu-production-1' RETRIEVE failed (SERVER_ERROR: it returned status 503)",
      })
  void keepsTextWithoutSecrets(String text) {
    assertThat(LogRedactor.redact(text)).isSameAs(text);
  }

  @Test
  void keepsNullAndEmptyText() {
    assertThat(LogRedactor.redact(null)).isNull();
    assertThat(LogRedactor.redact("")).isEmpty();
  }
}
