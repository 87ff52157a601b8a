package org.customerfacade.facade.validation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.customerfacade.facade.account.Account;
import org.customerfacade.facade.account.CustomField;
import org.customerfacade.facade.account.CustomFieldCatalog;
import org.customerfacade.facade.problem.FacadeProblem;
import org.customerfacade.facade.problem.FacadeProblem.FieldError;
import org.customerfacade.facade.problem.SafeText;
import org.customerfacade.server.model.Customer;
import org.customerfacade.server.model.CustomerUpdate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Checks the members of a create or update body that the generated models let through, because the
 * spec allows additional properties for custom fields. Each must be a field of the Customer schema
 * or a custom field defined for the account, with a value of the field's type.
 *
 * <p>A member that is neither a Customer field nor named {@code cf_...} makes the request malformed
 * (400). A {@code cf_} member that the account does not define, or whose value has the wrong type,
 * breaks a rule of the account (422, the status the spec declares for an unknown custom field).
 */
@Component
public class CustomerBodyValidator {

  /**
   * Every property name of the Customer schema. An update may repeat the generated ones ({@code
   * id}, {@code public_id} and the timestamps) from a customer it read; the provider ignores them.
   */
  private static final Set<String> CUSTOMER_FIELDS = jsonPropertyNames(Customer.class);

  /**
   * Maximum number of field errors one problem lists, so that a body with thousands of invalid
   * members does not get a response as large as itself. The detail still gives the full count.
   */
  static final int MAX_LISTED_ERRORS = 20;

  private final CustomFieldCatalog customFields;

  public CustomerBodyValidator(CustomFieldCatalog customFields) {
    this.customFields = customFields;
  }

  /** Completes empty when the create's extra members are valid for the account. */
  public Mono<Void> checkCreate(Account account, Customer customer) {
    return check(account, customer.getAdditionalProperties());
  }

  /** Completes empty when the update's extra members are valid for the account. */
  public Mono<Void> checkUpdate(Account account, CustomerUpdate update) {
    return check(account, update.getAdditionalProperties());
  }

  private Mono<Void> check(Account account, @Nullable Map<String, Object> extraMembers) {
    if (extraMembers == null || extraMembers.isEmpty()) {
      return Mono.empty();
    }

    List<FieldError> unknown = new ArrayList<>();
    extraMembers.keySet().stream()
        .sorted()
        .filter(name -> !isCustomFieldName(name) && !CUSTOMER_FIELDS.contains(name))
        .forEach(name -> unknown.add(unknownMember(name)));
    if (!unknown.isEmpty()) {
      return Mono.error(FacadeProblem.unknownFields(unknown.size(), firstErrors(unknown)));
    }

    List<FieldError> rejected = new ArrayList<>();
    extraMembers.keySet().stream()
        .sorted()
        .filter(CustomerBodyValidator::isCustomFieldName)
        .forEach(name -> checkCustomField(account, name, extraMembers.get(name), rejected));
    if (!rejected.isEmpty()) {
      return Mono.error(
          FacadeProblem.invalidCustomFields(
              account.name(), definedFields(account), rejected.size(), firstErrors(rejected)));
    }
    return Mono.empty();
  }

  private void checkCustomField(
      Account account, String name, @Nullable Object value, List<FieldError> rejected) {
    String pointer = SafeText.memberPointer(name);
    Optional<CustomField> field = customFields.find(account, name);
    if (field.isEmpty()) {
      rejected.add(
          new FieldError(
              pointer,
              "is not a custom field of account '"
                  + account.name()
                  + "'; its custom fields are "
                  + definedFields(account)));
      return;
    }
    field
        .get()
        .findProblem(value)
        .ifPresent(
            rule ->
                rejected.add(new FieldError(pointer, rule + ", but was " + describeValue(value))));
  }

  private String definedFields(Account account) {
    Collection<CustomField> fields = customFields.fieldsOf(account).values();
    if (fields.isEmpty()) {
      return "none";
    }
    return String.join(", ", fields.stream().map(CustomField::describe).toList());
  }

  private static List<FieldError> firstErrors(List<FieldError> errors) {
    return errors.subList(0, Math.min(errors.size(), MAX_LISTED_ERRORS));
  }

  private static FieldError unknownMember(String name) {
    return new FieldError(
        SafeText.memberPointer(name),
        "is not a customer field; remove it, or name a custom field with the prefix "
            + CustomField.PREFIX);
  }

  /** Names the JSON type of a rejected value and quotes it, shortened and escaped. */
  private static String describeValue(@Nullable Object value) {
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "an array";
    }
    if (value instanceof String) {
      return "the string " + SafeText.quoted(value);
    }
    if (value instanceof Boolean) {
      return "the boolean " + value;
    }
    return "the number " + SafeText.quoted(value);
  }

  private static boolean isCustomFieldName(String name) {
    return name.startsWith(CustomField.PREFIX);
  }

  private static Set<String> jsonPropertyNames(Class<?> model) {
    Set<String> names = new TreeSet<>();
    for (Method method : model.getMethods()) {
      JsonProperty property = method.getAnnotation(JsonProperty.class);
      if (property != null && !property.value().isEmpty()) {
        names.add(property.value());
      }
    }
    return Set.copyOf(names);
  }
}
