package org.customerfacade.facade.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Provider accounts and the internal consumers allowed to use them.
 *
 * <p>API keys are secrets: set them from environment variables, never in a committed file other
 * than the local demo defaults.
 */
@Validated
@ConfigurationProperties(prefix = AccountProperties.PREFIX)
public class AccountProperties {

  public static final String PREFIX = "facade";

  /** Provider accounts by name. */
  @Valid @NotEmpty private Map<String, AccountOptions> accounts = new LinkedHashMap<>();

  /** Consumers by the id that the gateway sends in {@code X-Consumer-Id}. */
  @Valid private Map<String, ConsumerOptions> consumers = new LinkedHashMap<>();

  public Map<String, AccountOptions> getAccounts() {
    return accounts;
  }

  public void setAccounts(Map<String, AccountOptions> accounts) {
    this.accounts = accounts;
  }

  public Map<String, ConsumerOptions> getConsumers() {
    return consumers;
  }

  public void setConsumers(Map<String, ConsumerOptions> consumers) {
    this.consumers = consumers;
  }

  /** One provider account. */
  public static class AccountOptions {

    /** The account's provider API key. */
    @NotBlank(message = "must be set to the account's provider API key")
    private @Nullable String apiKey;

    /** Provider instance of the account: EU or US. */
    @NotNull(message = "must be EU or US")
    private @Nullable Region region;

    /** Provider environment: PRODUCTION (default) or SANDBOX. */
    @NotNull private Environment environment = Environment.PRODUCTION;

    /**
     * Region whose endpoints serve the account's reads when no endpoint of its own region can.
     * Writes never go there. Set it only where the provider replicates the account; default none.
     */
    private @Nullable Region failoverRegion;

    /**
     * Custom fields that the provider defines for the account. A create or update may send only
     * these {@code cf_} fields, each with a value of its type; default none.
     */
    @Valid private List<CustomFieldOptions> customFields = new ArrayList<>();

    public List<CustomFieldOptions> getCustomFields() {
      return customFields;
    }

    public void setCustomFields(List<CustomFieldOptions> customFields) {
      this.customFields = customFields;
    }

    public @Nullable Region getFailoverRegion() {
      return failoverRegion;
    }

    public void setFailoverRegion(@Nullable Region failoverRegion) {
      this.failoverRegion = failoverRegion;
    }

    public @Nullable String getApiKey() {
      return apiKey;
    }

    public void setApiKey(@Nullable String apiKey) {
      this.apiKey = apiKey;
    }

    public @Nullable Region getRegion() {
      return region;
    }

    public void setRegion(@Nullable Region region) {
      this.region = region;
    }

    public Environment getEnvironment() {
      return environment;
    }

    public void setEnvironment(Environment environment) {
      this.environment = environment;
    }
  }

  /** One custom field of an account, as the provider defines it. */
  public static class CustomFieldOptions {

    /** The field's name, which starts with {@code cf_}. */
    @NotBlank(message = "must be set to the custom field's name, which starts with cf_")
    private @Nullable String name;

    /** Input type: TEXT, NUMBER, BOOLEAN, DATE or CHOICE. */
    @NotNull(message = "must be one of text, number, boolean, date, choice")
    private @Nullable CustomFieldType type;

    /** Values a CHOICE field accepts; required for a choice and empty for every other type. */
    private List<String> options = new ArrayList<>();

    public @Nullable String getName() {
      return name;
    }

    public void setName(@Nullable String name) {
      this.name = name;
    }

    public @Nullable CustomFieldType getType() {
      return type;
    }

    public void setType(@Nullable CustomFieldType type) {
      this.type = type;
    }

    public List<String> getOptions() {
      return options;
    }

    public void setOptions(List<String> options) {
      this.options = options;
    }
  }

  /** One internal consumer. */
  public static class ConsumerOptions {

    /** Names of the accounts this consumer may use. */
    @NotEmpty(message = "must name at least one account")
    private List<String> accounts = List.of();

    /** Account used when the request has no {@code X-Account} header; default the first one. */
    private @Nullable String defaultAccount;

    /**
     * Whether the consumer may send {@code X-Region} to route a request to another region than its
     * account's; default false. Grant it only for accounts whose data exists in both regions.
     */
    private boolean regionOverride;

    public boolean isRegionOverride() {
      return regionOverride;
    }

    public void setRegionOverride(boolean regionOverride) {
      this.regionOverride = regionOverride;
    }

    public List<String> getAccounts() {
      return accounts;
    }

    public void setAccounts(List<String> accounts) {
      this.accounts = accounts;
    }

    public @Nullable String getDefaultAccount() {
      return defaultAccount;
    }

    public void setDefaultAccount(@Nullable String defaultAccount) {
      this.defaultAccount = defaultAccount;
    }
  }
}
