package org.customerfacade.gateway.consumer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.customerfacade.gateway.access.Operation;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

/**
 * Consumers allowed to call the gateway, each identified by a bearer token that is stored only as
 * its SHA-256 digest.
 *
 * <p>Boot binds a list from the single property source that defines it, so an environment override
 * such as {@code EDGE_CONSUMERS_0_TOKEN_SHA256} replaces the whole list from application.yml: set
 * {@code EDGE_CONSUMERS_<n>_ID} and {@code EDGE_CONSUMERS_<n>_TOKEN_SHA256} for every consumer.
 *
 * <p>Implementing {@link Validator} makes Boot run {@link #validate} after the Jakarta constraints,
 * which adds the rule that ids are unique.
 */
@Validated
@ConfigurationProperties(prefix = ConsumerProperties.PREFIX)
public class ConsumerProperties implements Validator {

  public static final String PREFIX = "edge";

  /** Consumers allowed to call the gateway. At least one is required, and there is no default. */
  @NotEmpty(message = PREFIX + ".consumers must list at least one consumer, but was empty")
  private List<@Valid Consumer> consumers = new ArrayList<>();

  public List<Consumer> getConsumers() {
    return consumers;
  }

  public void setConsumers(List<Consumer> consumers) {
    this.consumers = consumers;
  }

  @Override
  public boolean supports(Class<?> type) {
    return ConsumerProperties.class.isAssignableFrom(type);
  }

  @Override
  public void validate(Object target, Errors errors) {
    Map<String, Integer> firstIndexById = new HashMap<>();

    for (int index = 0; index < consumers.size(); index++) {
      String id = consumers.get(index).getId();
      if (id == null || id.isBlank()) {
        continue;
      }

      Integer firstIndex = firstIndexById.putIfAbsent(id, index);
      if (firstIndex != null) {
        rejectDuplicateId(errors, index, firstIndex, id);
      }
    }
  }

  private static void rejectDuplicateId(Errors errors, int index, int firstIndex, String id) {
    String message =
        "%s.consumers[%d].id must be unique, but '%s' is already the id of %s.consumers[%d]"
            .formatted(PREFIX, index, id, PREFIX, firstIndex);
    errors.rejectValue("consumers[%d].id".formatted(index), "Unique", message);
  }

  /**
   * One consumer: its id, sent to the facade, the digest of its bearer token and the operations it
   * may call.
   */
  public static class Consumer {

    /** Consumer id sent to the facade in {@code X-Consumer-Id}. Required, unique. */
    @NotBlank(
        message =
            PREFIX
                + ".consumers[].id must not be blank, but was '${validatedValue}'; when the"
                + " list comes from environment variables, set EDGE_CONSUMERS_<n>_ID beside"
                + " each EDGE_CONSUMERS_<n>_TOKEN_SHA256")
    private String id;

    /** Lowercase hex SHA-256 of the consumer's bearer token, 64 characters. Required. */
    @NotNull(message = PREFIX + ".consumers[].token-sha256 is required, but was missing")
    @Pattern(
        regexp = "[0-9a-f]{64}",
        message =
            PREFIX
                + ".consumers[].token-sha256 must be exactly 64 lowercase hex characters (the"
                + " output of 'printf %s TOKEN | sha256sum'), but was '${validatedValue}'")
    private String tokenSha256;

    /**
     * Operations the consumer may call; every other one gets a 403. Defaults to all five, and
     * {@code [retrieve, find]} makes a read-only consumer.
     */
    @NotEmpty(
        message =
            PREFIX
                + ".consumers[].operations must list at least one of retrieve, find, create,"
                + " update, delete, but was empty")
    private Set<Operation> operations = EnumSet.allOf(Operation.class);

    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

    public String getTokenSha256() {
      return tokenSha256;
    }

    public void setTokenSha256(String tokenSha256) {
      this.tokenSha256 = tokenSha256;
    }

    public Set<Operation> getOperations() {
      return operations;
    }

    public void setOperations(Set<Operation> operations) {
      this.operations = operations;
    }
  }
}
