package org.customerfacade.facade.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import org.customerfacade.server.model.Customer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RequestFingerprintTest {

  private final JsonMapper mapper = JsonMapper.builder().build();

  @Test
  void propertyOrderDoesNotMatter() {
    Customer first = parse("{\"first_name\":\"Ada\",\"email\":\"a@example.com\",\"cf_a\":\"1\"}");
    Customer second = parse("{\"cf_a\":\"1\",\"email\":\"a@example.com\",\"first_name\":\"Ada\"}");

    assertThat(RequestFingerprint.of(first)).isEqualTo(RequestFingerprint.of(second));
  }

  @Test
  void differentValuesDiffer() {
    Customer first = parse("{\"first_name\":\"Ada\"}");
    Customer second = parse("{\"first_name\":\"Grace\"}");

    assertThat(RequestFingerprint.of(first)).isNotEqualTo(RequestFingerprint.of(second));
  }

  private Customer parse(String json) {
    return mapper.readValue(json, Customer.class);
  }
}
