package org.customerfacade.facade.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftDetectorTest {

  private static final String GENERATED =
      "\"id\":8,\"public_id\":\"7f1c6a52-51c1-4c2e-9d0a-1f0e5b1d8c11\","
          + "\"created_datetime_utc\":\"2026-01-02T03:04:05\","
          + "\"modified_datetime_utc\":\"2026-01-02T03:04:05\"";

  private final DriftDetector detector = new DriftDetector(ResponseSchemas.fromClasspath());

  @Test
  void conformingCustomerHasNoFindings() {
    String body =
        "{" + GENERATED + ",\"first_name\":\"Ada\",\"gender\":\"F\",\"cf_tier\":\"gold\"}";

    assertThat(findings("retrieve", body)).isEmpty();
  }

  @Test
  void missingGeneratedFieldIsFound() {
    String body = "{\"id\":8,\"first_name\":\"Ada\"}";

    assertThat(findings("retrieve", body))
        .contains(new DriftFinding("retrieve", "/public_id", DriftDetector.MISSING_FIELD));
  }

  @Test
  void wrongTypeIsFound() {
    String body = "{" + GENERATED + ",\"allow_email\":\"yes\"}";

    assertThat(findings("update", body))
        .containsExactly(new DriftFinding("update", "/allow_email", DriftDetector.WRONG_TYPE));
  }

  @Test
  void undeclaredNonCustomFieldIsFound() {
    String body = "{" + GENERATED + ",\"loyalty\":1,\"cf_loyalty\":2}";

    assertThat(findings("create", body))
        .containsExactly(new DriftFinding("create", "/loyalty", DriftDetector.UNKNOWN_FIELD));
  }

  @Test
  void nestedUnknownFieldIsFound() {
    String body = "{" + GENERATED + ",\"phone\":{\"number\":\"1\",\"extension\":\"2\"}}";

    assertThat(findings("retrieve", body))
        .containsExactly(
            new DriftFinding("retrieve", "/phone/extension", DriftDetector.UNKNOWN_FIELD));
  }

  @Test
  void badEnumAndFormatAreFound() {
    String body = "{" + GENERATED + ",\"gender\":\"X\",\"date_of_birth\":\"yesterday\"}";

    assertThat(findings("retrieve", body))
        .containsExactlyInAnyOrder(
            new DriftFinding("retrieve", "/gender", DriftDetector.BAD_ENUM),
            new DriftFinding("retrieve", "/date_of_birth", DriftDetector.BAD_FORMAT));
  }

  @Test
  void arrayPositionsBecomeWildcards() {
    String body = "[{" + GENERATED + "},{" + GENERATED + ",\"gender\":\"X\",\"extra\":true}]";

    assertThat(findings("find", body))
        .containsExactlyInAnyOrder(
            new DriftFinding("find", "/*/gender", DriftDetector.BAD_ENUM),
            new DriftFinding("find", "/*/extra", DriftDetector.UNKNOWN_FIELD));
  }

  @Test
  void unreadableBodyIsOneFinding() {
    assertThat(findings("retrieve", "{not json"))
        .containsExactly(new DriftFinding("retrieve", "", DriftDetector.UNREADABLE_BODY));
  }

  @Test
  void unknownOperationIsNotChecked() {
    assertThat(findings("delete", "{}")).isEmpty();
  }

  private List<DriftFinding> findings(String operation, String body) {
    return detector.findings(operation, body.getBytes(StandardCharsets.UTF_8));
  }
}
