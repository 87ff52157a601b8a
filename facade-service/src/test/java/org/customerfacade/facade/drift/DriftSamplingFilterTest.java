package org.customerfacade.facade.drift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class DriftSamplingFilterTest {

  @Test
  void operationsAreRecognisedByMethodAndPath() {
    assertThat(DriftSamplingFilter.operation(HttpMethod.GET, "/customer/12")).isEqualTo("retrieve");
    assertThat(DriftSamplingFilter.operation(HttpMethod.PUT, "/v2/customer/12"))
        .isEqualTo("update");
    assertThat(DriftSamplingFilter.operation(HttpMethod.GET, "/customer")).isEqualTo("find");
    assertThat(DriftSamplingFilter.operation(HttpMethod.POST, "/customer")).isEqualTo("create");
  }

  @Test
  void otherRequestsAreNotChecked() {
    assertThat(DriftSamplingFilter.operation(HttpMethod.DELETE, "/customer/12")).isNull();
    assertThat(DriftSamplingFilter.operation(HttpMethod.GET, "/customer/")).isNull();
    assertThat(DriftSamplingFilter.operation(HttpMethod.GET, "/health")).isNull();
    assertThat(DriftSamplingFilter.operation(HttpMethod.GET, "")).isNull();
  }
}
