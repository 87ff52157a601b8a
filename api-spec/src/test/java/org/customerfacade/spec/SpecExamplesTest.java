package org.customerfacade.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecExamplesTest {

  @Test
  void everyExampleMatchesItsSchema() {
    String spec = currentText();
    List<SpecExample> examples = SpecExamples.collect(SpecDocuments.parseAsWritten(spec));

    List<String> violations = new ExampleValidator(spec).violations(examples);

    assertThat(violations).isEmpty();
  }

  @Test
  void walkFindsExamplesOfEveryKind() {
    List<SpecExample> examples = SpecExamples.collect(SpecDocuments.parseAsWritten(currentText()));

    assertThat(examples)
        .extracting(SpecExample::location)
        .contains(
            "#/components/schemas/Customer/properties/email/example",
            "#/components/parameters/CustomerId/example",
            "#/components/responses/NotFound/content/application~1problem+json/example",
            "#/paths/~1customer~1{id}/get/responses/200/content/application~1json/examples/stored",
            "#/paths/~1customer/post/requestBody/content/application~1json/examples/minimal",
            "#/paths/~1customer/get/parameters/4/example");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          schema example       | example: ada.lovelace@example.com | example: ada.lovelace | #/components/schemas/Customer/properties/email/example
          date schema example  | example: "1990-12-10"             | example: "1990-13-45" | #/components/schemas/Customer/properties/date_of_birth/example
          parameter example    | example: 1001                     | example: 0            | #/components/parameters/CustomerId/example
          media type example   | status: 504                       | status: 700           | #/components/responses/GatewayTimeout/content/application~1problem+json/example
          named example        | gender: F                         | gender: X             | #/paths/~1customer~1{id}/get/responses/200/content/application~1json/examples/stored
          inline example       | public_id: 6f1c2a8e-3b4d-4e5f-9a01-23456789abcd | public_id: not-a-uuid | #/paths/~1customer/get/responses/200/content/application~1json/examples/found
          """)
  void invalidExampleIsReported(
      String kind, String validLine, String invalidLine, String expectedLocation) {
    String spec = currentText();
    assertThat(spec).contains(validLine);
    String changed = spec.replace(validLine, invalidLine);
    List<SpecExample> examples = SpecExamples.collect(SpecDocuments.parseAsWritten(changed));

    List<String> violations = new ExampleValidator(changed).violations(examples);

    assertThat(violations).anySatisfy(line -> assertThat(line).startsWith(expectedLocation + ": "));
  }

  private static String currentText() {
    return SpecDocuments.currentText();
  }
}
