package org.customerfacade.facade.account;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.customerfacade.facade.account.AccountProperties.AccountOptions;
import org.customerfacade.facade.account.AccountProperties.CustomFieldOptions;
import org.springframework.stereotype.Component;

/**
 * The custom fields of every configured account, checked at start-up: each name starts with {@code
 * cf_} and appears once per account, and a choice field, and only a choice field, lists options.
 */
@Component
public class CustomFieldCatalog {

  /** A custom field's name: the prefix, then letters, digits and underscores. */
  private static final Pattern NAME = Pattern.compile("cf_[A-Za-z0-9_]+");

  private final Map<String, Map<String, CustomField>> fieldsByAccount;

  public CustomFieldCatalog(AccountProperties properties) {
    Map<String, Map<String, CustomField>> fields = new LinkedHashMap<>();
    properties
        .getAccounts()
        .forEach((account, options) -> fields.put(account, checkedFields(account, options)));
    this.fieldsByAccount = Map.copyOf(fields);
  }

  /** Returns the custom fields of an account by name, in their configured order. */
  public Map<String, CustomField> fieldsOf(Account account) {
    return fieldsByAccount.getOrDefault(account.name(), Map.of());
  }

  /** Returns the definition of one field of an account, or empty when the account has none. */
  public Optional<CustomField> find(Account account, String name) {
    return Optional.ofNullable(fieldsOf(account).get(name));
  }

  private static Map<String, CustomField> checkedFields(String account, AccountOptions options) {
    Map<String, CustomField> fields = new LinkedHashMap<>();
    List<CustomFieldOptions> configured = options.getCustomFields();
    for (int index = 0; index < configured.size(); index++) {
      String property =
          AccountProperties.PREFIX + ".accounts." + account + ".custom-fields[" + index + "]";
      CustomField field = checkedField(property, configured.get(index));
      if (fields.putIfAbsent(field.name(), field) != null) {
        throw new IllegalStateException(
            property
                + ".name must be unique within the account, but '"
                + field.name()
                + "' is defined twice");
      }
    }
    return Collections.unmodifiableMap(fields);
  }

  private static CustomField checkedField(String property, CustomFieldOptions options) {
    String name = Objects.requireNonNull(options.getName());
    CustomFieldType type = Objects.requireNonNull(options.getType());
    List<String> values = options.getOptions();
    if (!NAME.matcher(name).matches()) {
      throw new IllegalStateException(
          property
              + ".name must be cf_ followed by letters, digits or underscores, but was '"
              + name
              + "'");
    }
    if (type == CustomFieldType.CHOICE && values.isEmpty()) {
      throw new IllegalStateException(
          property + ".options must list at least one value for a choice field, but was empty");
    }
    if (type != CustomFieldType.CHOICE && !values.isEmpty()) {
      throw new IllegalStateException(
          property
              + ".options is only for a choice field, but field '"
              + name
              + "' of type "
              + type
              + " lists "
              + values);
    }
    Set<String> distinct = new HashSet<>();
    for (String value : values) {
      if (value == null || value.isBlank() || !distinct.add(value)) {
        throw new IllegalStateException(
            property + ".options must be distinct, non-blank values, but was " + values);
      }
    }
    return new CustomField(name, type, values);
  }
}
