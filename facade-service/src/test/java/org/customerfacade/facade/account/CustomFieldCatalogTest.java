package org.customerfacade.facade.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.customerfacade.facade.account.AccountProperties.AccountOptions;
import org.customerfacade.facade.account.AccountProperties.CustomFieldOptions;
import org.junit.jupiter.api.Test;

class CustomFieldCatalogTest {

  private static final Account EU =
      new Account("eu-demo", "key", Region.EU, Environment.PRODUCTION, null);

  @Test
  void catalogKeepsConfiguredOrder() {
    CustomFieldCatalog catalog =
        catalog(
            field("cf_tier", CustomFieldType.CHOICE, "bronze", "gold"),
            field("cf_vip", CustomFieldType.BOOLEAN));

    assertThat(catalog.fieldsOf(EU).keySet()).containsExactly("cf_tier", "cf_vip");
    assertThat(catalog.find(EU, "cf_tier").orElseThrow().options())
        .containsExactly("bronze", "gold");
    assertThat(catalog.find(EU, "cf_other")).isEmpty();
  }

  @Test
  void nameWithoutPrefixFailsStartup() {
    assertThatThrownBy(() -> catalog(field("tier", CustomFieldType.TEXT)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("facade.accounts.eu-demo.custom-fields[0].name")
        .hasMessageContaining("'tier'");
  }

  @Test
  void duplicateNameFailsStartup() {
    assertThatThrownBy(
            () -> catalog(field("cf_a", CustomFieldType.TEXT), field("cf_a", CustomFieldType.DATE)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("custom-fields[1].name must be unique");
  }

  @Test
  void choiceWithoutOptionsFailsStartup() {
    assertThatThrownBy(() -> catalog(field("cf_tier", CustomFieldType.CHOICE)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("custom-fields[0].options must list at least one value");
  }

  @Test
  void optionsOnOtherTypeFailStartup() {
    assertThatThrownBy(() -> catalog(field("cf_size", CustomFieldType.NUMBER, "1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("custom-fields[0].options is only for a choice field");
  }

  @Test
  void repeatedOptionFailsStartup() {
    assertThatThrownBy(() -> catalog(field("cf_tier", CustomFieldType.CHOICE, "gold", "gold")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("options must be distinct");
  }

  @Test
  void valuesAreCheckedByType() {
    CustomField number = new CustomField("cf_size", CustomFieldType.NUMBER, List.of());
    CustomField date = new CustomField("cf_since", CustomFieldType.DATE, List.of());
    CustomField choice = new CustomField("cf_tier", CustomFieldType.CHOICE, List.of("gold"));

    assertThat(number.findProblem(44)).isEmpty();
    assertThat(number.findProblem(Double.POSITIVE_INFINITY)).isPresent();
    assertThat(number.findProblem("44")).isPresent();
    assertThat(date.findProblem("2021-03-01")).isEmpty();
    assertThat(date.findProblem("2021-02-30")).isPresent();
    assertThat(choice.findProblem("gold")).isEmpty();
    assertThat(choice.findProblem("GOLD")).isPresent();
    assertThat(choice.findProblem(null)).isEmpty();
  }

  private static CustomFieldOptions field(String name, CustomFieldType type, String... options) {
    CustomFieldOptions field = new CustomFieldOptions();
    field.setName(name);
    field.setType(type);
    field.setOptions(List.of(options));
    return field;
  }

  private static CustomFieldCatalog catalog(CustomFieldOptions... fields) {
    AccountOptions account = new AccountOptions();
    account.setApiKey("key");
    account.setRegion(Region.EU);
    account.setCustomFields(List.of(fields));
    AccountProperties properties = new AccountProperties();
    properties.getAccounts().put("eu-demo", account);
    return new CustomFieldCatalog(properties);
  }
}
