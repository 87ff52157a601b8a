package org.customerfacade.facade;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.reactive.server.StatusAssertions;

/**
 * Provider responses that depart from the spec: the call's outcome does not change, the drift is
 * counted per operation, field and kind, and each distinct drift is logged once without values.
 */
@ExtendWith(OutputCaptureExtension.class)
@SampleEverything
class DriftIntegrationTest extends FacadeIntegrationTest {

  private static final String METRIC = "facade.upstream.drift";

  /** Value that must never reach a log line. */
  private static final String PERSONAL_VALUE = "Ada-Lovelace-9731";

  @Autowired MeterRegistry meters;

  @Test
  void wrongTypeIsCountedAndCallSucceeds(CapturedOutput output) {
    double before = count("retrieve", "/first_name", "wrong_type");

    retrieve(31, customer(31, "\"first_name\":9731,\"last_name\":\"" + PERSONAL_VALUE + "\""))
        .isOk();
    retrieve(32, customer(32, "\"first_name\":9731")).isOk();

    awaitCount("retrieve", "/first_name", "wrong_type", before + 2);
    assertThat(warnings(output, "wrong_type at '/first_name'")).isEqualTo(1);
    assertThat(output.getOut()).doesNotContain(PERSONAL_VALUE);
  }

  @Test
  void unknownFieldIsCountedAndCallSucceeds(CapturedOutput output) {
    double before = count("retrieve", "/loyalty_tier", "unknown_field");

    retrieve(33, customer(33, "\"loyalty_tier\":\"" + PERSONAL_VALUE + "\",\"cf_tier\":\"gold\""))
        .isOk();
    retrieve(34, customer(34, "\"loyalty_tier\":\"silver\"")).isOk();

    awaitCount("retrieve", "/loyalty_tier", "unknown_field", before + 2);
    assertThat(count("retrieve", "/cf_tier", "unknown_field")).isZero();
    assertThat(warnings(output, "unknown_field at '/loyalty_tier'")).isEqualTo(1);
    assertThat(output.getOut()).doesNotContain(PERSONAL_VALUE);
  }

  @Test
  void missingFieldInLookupIsCounted(CapturedOutput output) {
    double before = count("find", "/*/modified_datetime_utc", "missing_field");
    String withoutModified =
        "[{\"id\":35,\"public_id\":\"7f1c6a52-51c1-4c2e-9d0a-1f0e5b1d8c11\","
            + "\"created_datetime_utc\":\"2026-01-02T03:04:05\"}]";
    euPrimary.stubFor(get(urlPathEqualTo("/customer")).willReturn(okJson(withoutModified)));

    read("/customer?external_id=drift-35").exchange().expectStatus().isOk();
    read("/customer?external_id=drift-36").exchange().expectStatus().isOk();

    awaitCount("find", "/*/modified_datetime_utc", "missing_field", before + 2);
    assertThat(warnings(output, "missing_field at '/*/modified_datetime_utc'")).isEqualTo(1);
  }

  @Test
  void badEnumIsCountedWithoutChangingOutcome(CapturedOutput output) {
    double before = count("retrieve", "/gender", "bad_enum");
    String body = customer(37, "\"gender\":\"Z\"");
    euSecondary.stubFor(get(urlEqualTo("/customer/37")).willReturn(okJson(body)));

    // The generated client itself rejects a gender outside its enum, so the facade returns 502
    // whether or not drift detection runs.
    retrieve(37, body).isEqualTo(502);

    awaitCount("retrieve", "/gender", "bad_enum", before + 1);
    assertThat(warnings(output, "bad_enum at '/gender'")).isEqualTo(1);
  }

  private StatusAssertions retrieve(long id, String body) {
    euPrimary.stubFor(get(urlEqualTo("/customer/" + id)).willReturn(okJson(body)));
    return read("/customer/" + id).exchange().expectStatus();
  }

  /** Returns a customer with every generated field and the given extra members. */
  private static String customer(long id, String members) {
    return "{\"id\":"
        + id
        + ",\"public_id\":\"7f1c6a52-51c1-4c2e-9d0a-1f0e5b1d8c11\","
        + "\"created_datetime_utc\":\"2026-01-02T03:04:05\","
        + "\"modified_datetime_utc\":\"2026-01-02T03:04:05\","
        + members
        + "}";
  }

  private double count(String operation, String path, String kind) {
    Counter counter =
        meters
            .find(METRIC)
            .tag("operation", operation)
            .tag("path", path)
            .tag("kind", kind)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  /**
   * Waits up to 10 seconds for the background check to reach a count, because it runs off the call.
   * A failover may add a second sampled response, so the count may pass the expected one.
   */
  private void awaitCount(String operation, String path, String kind, double expected) {
    Instant deadline = Instant.now().plusSeconds(10);
    while (count(operation, path, kind) < expected && Instant.now().isBefore(deadline)) {
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
    assertThat(count(operation, path, kind)).isGreaterThanOrEqualTo(expected);
  }

  private static long warnings(CapturedOutput output, String text) {
    return output
        .getOut()
        .lines()
        .filter(line -> line.contains("WARN"))
        .filter(line -> line.contains(text))
        .count();
  }
}
