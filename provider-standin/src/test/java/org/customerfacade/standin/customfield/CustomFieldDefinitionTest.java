package org.customerfacade.standin.customfield;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomFieldDefinitionTest {

  private static final CustomFieldDefinition TIER =
      new CustomFieldDefinition("cf_tier", CustomFieldType.CHOICE, List.of("bronze", "gold"));

  private static final CustomFieldDefinition SIZE =
      new CustomFieldDefinition("cf_size", CustomFieldType.NUMBER, List.of());

  private static final CustomFieldDefinition NEWSLETTER =
      new CustomFieldDefinition("cf_newsletter", CustomFieldType.BOOLEAN, List.of());

  private static final CustomFieldDefinition SINCE =
      new CustomFieldDefinition("cf_since", CustomFieldType.DATE, List.of());

  private static final CustomFieldDefinition NOTE =
      new CustomFieldDefinition("cf_note", CustomFieldType.TEXT, List.of());

  @Test
  void valuesOfTheRightTypeAreValid() {
    assertThat(TIER.findProblem("gold")).isEmpty();
    assertThat(SIZE.findProblem(42)).isEmpty();
    assertThat(SIZE.findProblem(42.5)).isEmpty();
    assertThat(NEWSLETTER.findProblem(true)).isEmpty();
    assertThat(SINCE.findProblem("2024-02-29")).isEmpty();
    assertThat(NOTE.findProblem("")).isEmpty();
  }

  @Test
  void valuesOfTheWrongTypeAreInvalid() {
    assertThat(TIER.findProblem("platinum")).contains("must be one of bronze, gold");
    assertThat(SIZE.findProblem("42")).contains("must be a JSON number");
    assertThat(NEWSLETTER.findProblem("true")).contains("must be a JSON boolean (true or false)");
    assertThat(SINCE.findProblem("2023-02-29")).contains("must be a date as yyyy-MM-dd");
    assertThat(SINCE.findProblem("29/02/2024")).isPresent();
    assertThat(NOTE.findProblem(5)).contains("must be a JSON string");
  }

  @Test
  void defaultsAreFalseOrEmptyString() {
    assertThat(NEWSLETTER.defaultValue()).isEqualTo(false);
    assertThat(TIER.defaultValue()).isEqualTo("");
    assertThat(SIZE.defaultValue()).isEqualTo("");
    assertThat(SINCE.defaultValue()).isEqualTo("");
    assertThat(NOTE.defaultValue()).isEqualTo("");
  }

  @Test
  void removedChoiceOptionReadsAsDefault() {
    CustomFieldDefinition narrowed =
        new CustomFieldDefinition("cf_tier", CustomFieldType.CHOICE, List.of("bronze"));

    assertThat(narrowed.read("gold")).isEqualTo("");
    assertThat(narrowed.read("bronze")).isEqualTo("bronze");
  }

  @Test
  void configuredTextIsConvertedByType() {
    assertThat(SIZE.parse("44")).contains(new BigDecimal("44"));
    assertThat(SIZE.parse("large")).isEmpty();
    assertThat(NEWSLETTER.parse("true")).contains(true);
    assertThat(NEWSLETTER.parse("yes")).isEmpty();
    assertThat(TIER.parse("silver")).isEmpty();
  }

  @Test
  void catalogRendersEveryFieldInOrder() {
    CustomFieldCatalog catalog = new CustomFieldCatalog(List.of(TIER, NEWSLETTER, SIZE));

    Map<String, Object> rendered = catalog.render(Map.of("cf_size", 40, "cf_gone", "x"));

    assertThat(rendered)
        .containsExactly(
            Map.entry("cf_tier", ""), Map.entry("cf_newsletter", false), Map.entry("cf_size", 40));
  }
}
