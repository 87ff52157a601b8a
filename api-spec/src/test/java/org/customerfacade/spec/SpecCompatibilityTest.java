package org.customerfacade.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the spec with the last released spec in {@code api-spec/released}, and fails on a change
 * that breaks existing callers.
 */
class SpecCompatibilityTest {

  @Test
  void currentSpecIsCompatibleWithLastRelease() {
    Path released = SpecDocuments.lastReleased();

    List<String> breaking =
        CompatibilityCheck.breakingChanges(
            SpecDocuments.parse(SpecDocuments.read(released)),
            SpecDocuments.parse(SpecDocuments.currentText()));

    assertThat(breaking)
        .as(
            "The spec breaks callers of release %s (%s). Make the change backward compatible, or"
                + " release a new version and copy its spec to api-spec/released.",
            SpecDocuments.releasedVersion(released), released)
        .isEmpty();
  }

  @Test
  void releasedSpecNamesItsOwnVersion() {
    Path released = SpecDocuments.lastReleased();

    OpenAPI api = SpecDocuments.parse(SpecDocuments.read(released));

    assertThat(api.getInfo().getVersion()).isEqualTo(SpecDocuments.releasedVersion(released));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breakingChanges")
  void breakingChangeIsFlagged(Consumer<OpenAPI> change) {
    List<String> breaking = breakingChangesAfter(change);

    assertThat(breaking).isNotEmpty();
  }

  @Test
  void removedResponseFieldIsNamed() {
    List<String> breaking =
        breakingChangesAfter(api -> schema(api, "Customer").getProperties().remove("public_id"));

    assertThat(breaking)
        .contains("GET /customer/{id} 200 application/json removed field /public_id")
        .contains("GET /customer 200 application/json removed field /items/public_id");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("compatibleChanges")
  void compatibleChangeIsNotFlagged(Consumer<OpenAPI> change) {
    List<String> breaking = breakingChangesAfter(change);

    assertThat(breaking).isEmpty();
  }

  static Stream<Named<Consumer<OpenAPI>>> compatibleChanges() {
    return Stream.of(
        Named.of("unchanged spec", api -> {}),
        Named.of(
            "new optional field",
            api -> schema(api, "Customer").addProperty("nickname", new StringSchema())),
        Named.of(
            "new operation",
            api ->
                api.getPaths()
                    .get("/customer")
                    .setPatch(api.getPaths().get("/customer/{id}").getPut())));
  }

  static Stream<Named<Consumer<OpenAPI>>> breakingChanges() {
    return Stream.of(
        Named.of("removed operation", api -> api.getPaths().get("/customer/{id}").setDelete(null)),
        Named.of(
            "new required request field",
            api -> schema(api, "CustomerUpdate").addRequiredItem("email")),
        Named.of(
            "removed optional response field",
            api -> schema(api, "Problem").getProperties().remove("detail")),
        Named.of(
            "removed required response field",
            api -> {
              schema(api, "FieldError").getProperties().remove("pointer");
              schema(api, "FieldError").getRequired().remove("pointer");
            }),
        Named.of(
            "changed field type",
            api -> schema(api, "Customer").getProperties().put("id", new StringSchema())),
        Named.of(
            "new required query parameter",
            api ->
                api.getPaths().get("/customer").getGet().getParameters().get(1).setRequired(true)));
  }

  /** Returns the breaking changes from the current spec to a copy that {@code change} altered. */
  private static List<String> breakingChangesAfter(Consumer<OpenAPI> change) {
    OpenAPI current = SpecDocuments.parse(SpecDocuments.currentText());
    OpenAPI changed = SpecDocuments.parse(SpecDocuments.currentText());
    change.accept(changed);
    return CompatibilityCheck.breakingChanges(current, changed);
  }

  private static Schema<?> schema(OpenAPI api, String name) {
    return api.getComponents().getSchemas().get(name);
  }
}
