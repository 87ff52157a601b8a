package org.customerfacade.standin.customer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.customerfacade.server.model.Customer;
import org.customerfacade.server.model.CustomerUpdate;
import org.customerfacade.server.model.FieldError;
import org.customerfacade.standin.customfield.CustomFieldCatalog;
import org.customerfacade.standin.customfield.CustomFieldDefinition;
import org.customerfacade.standin.instance.Instance;
import org.customerfacade.standin.problem.JsonPointers;
import org.customerfacade.standin.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Checks the parts of a create or update body that bean validation and JSON binding cannot check. A
 * top-level member that is neither a standard nor a custom field, or a malformed email, gives 400.
 * An unknown policy id, or a custom field that is undefined or of the wrong type, gives 422.
 */
@Component
public class CustomerRequestValidator {

  /** Generated fields: accepted in a request body and ignored. */
  static final Set<String> READ_ONLY_FIELDS =
      Set.of("id", "public_id", "created_datetime_utc", "modified_datetime_utc");

  /** One @, no blanks, and a dot in the domain: stricter than Hibernate Validator's @Email. */
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

  /** Validates a create request; custom fields sent as null are left unset. */
  public Mono<CustomerDraft> validateCreate(Customer customer, Instance instance) {
    List<Long> policies = customer.getAcceptPolicies();
    return validate(customer.getAdditionalProperties(), customer.getEmail(), policies, instance)
        .map(
            customFields -> {
              customFields.values().removeIf(value -> value == null);
              return new CustomerDraft(
                  CustomerDetails.of(customer), customFields, policyIdsOf(policies));
            });
  }

  /** Validates an update request; custom fields sent as null are cleared. */
  public Mono<CustomerChange> validateUpdate(CustomerUpdate update, Instance instance) {
    List<Long> policies = update.getAcceptPolicies();
    return validate(update.getAdditionalProperties(), update.getEmail(), policies, instance)
        .map(customFields -> new CustomerChange(update, customFields, policyIdsOf(policies)));
  }

  private Mono<Map<String, Object>> validate(
      @Nullable Map<String, Object> extraMembers,
      @Nullable String email,
      @Nullable List<Long> policies,
      Instance instance) {
    Map<String, Object> customFields = new HashMap<>();
    List<FieldError> malformed = new ArrayList<>();
    if (extraMembers != null) {
      extraMembers.forEach((name, value) -> sortMember(name, value, customFields, malformed));
    }
    if (email != null && !EMAIL.matcher(email).matches()) {
      malformed.add(new FieldError("/email", "must be a well-formed email address"));
    }
    if (!malformed.isEmpty()) {
      return Mono.error(ProblemException.invalidFields(HttpStatus.BAD_REQUEST, malformed));
    }

    List<FieldError> rejected = new ArrayList<>();
    checkPolicies(policies, instance, rejected);
    checkCustomFields(customFields, instance.customFields(), rejected);
    if (!rejected.isEmpty()) {
      return Mono.error(ProblemException.invalidFields(HttpStatus.UNPROCESSABLE_CONTENT, rejected));
    }
    return Mono.just(customFields);
  }

  private static void sortMember(
      String name,
      @Nullable Object value,
      Map<String, Object> customFields,
      List<FieldError> malformed) {
    if (CustomFieldCatalog.isCustomFieldName(name)) {
      customFields.put(name, value);
    } else if (!READ_ONLY_FIELDS.contains(name)) {
      malformed.add(
          new FieldError(
              JsonPointers.member(name),
              "is not a customer field; remove it, or start a custom field's name with cf_"));
    }
  }

  private static void checkPolicies(
      @Nullable List<Long> policies, Instance instance, List<FieldError> rejected) {
    if (policies == null) {
      return;
    }
    for (int index = 0; index < policies.size(); index++) {
      Long policyId = policies.get(index);
      if (policyId == null || !instance.policyIds().contains(policyId)) {
        rejected.add(
            new FieldError(
                "/accept_policies/" + index,
                "must be a policy id of instance '"
                    + instance.name()
                    + "': one of "
                    + instance.policyIds()));
      }
    }
  }

  private static void checkCustomFields(
      Map<String, Object> customFields, CustomFieldCatalog catalog, List<FieldError> rejected) {
    customFields.forEach(
        (name, value) -> {
          String pointer = JsonPointers.member(name);
          Optional<CustomFieldDefinition> definition = catalog.find(name);
          if (definition.isEmpty()) {
            rejected.add(new FieldError(pointer, "is not a defined custom field"));
          } else if (value != null) {
            definition
                .get()
                .findProblem(value)
                .ifPresent(problem -> rejected.add(new FieldError(pointer, problem)));
          }
        });
  }

  private static Set<Long> policyIdsOf(@Nullable List<Long> policies) {
    return policies == null ? Set.of() : new HashSet<>(policies);
  }
}
