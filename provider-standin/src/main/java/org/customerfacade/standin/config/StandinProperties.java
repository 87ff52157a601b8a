package org.customerfacade.standin.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.customerfacade.standin.customfield.CustomFieldType;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Instances served by the stand-in, with their endpoints, API keys, custom fields, policies and
 * seed customers.
 *
 * <p>Rules that span several entries (unique endpoint names and ports, options of choice fields,
 * seed values) are checked by {@link StandinPropertiesValidator}.
 */
@Validated
@ConfigurationProperties(prefix = StandinProperties.PREFIX)
public class StandinProperties {

  public static final String PREFIX = "standin";

  /** Address that every endpoint listens on. Defaults to the loopback address 127.0.0.1. */
  @NotBlank(message = "must be an IP address or host name to listen on, such as 127.0.0.1")
  private String bindAddress = "127.0.0.1";

  /** Instances by name, such as eu, us and sandbox. */
  @Valid
  @NotEmpty(message = "must define at least one instance")
  private Map<String, InstanceOptions> instances = new LinkedHashMap<>();

  public String getBindAddress() {
    return bindAddress;
  }

  public void setBindAddress(String bindAddress) {
    this.bindAddress = bindAddress;
  }

  public Map<String, InstanceOptions> getInstances() {
    return instances;
  }

  public void setInstances(Map<String, InstanceOptions> instances) {
    this.instances = instances;
  }

  /** One instance: its own data, keys, custom fields and endpoints. */
  public static class InstanceOptions {

    /** API keys accepted in {@code Authorization: ApiKey key="..."}. */
    @NotEmpty(message = "must list at least one API key")
    private List<@NotBlank(message = "must not be blank") String> apiKeys = new ArrayList<>();

    /** First id that the instance generates; defaults to 1. */
    @Min(value = 1, message = "must be at least 1")
    private long idStart = 1;

    /** Endpoints that serve the instance's data, in failover order. */
    @Valid
    @NotEmpty(message = "must list at least one endpoint")
    private List<EndpointOptions> endpoints = new ArrayList<>();

    /** Custom field definitions, in the order that responses list them. */
    @Valid private List<CustomFieldOptions> customFields = new ArrayList<>();

    /** Ids of the policies that a customer may accept through accept_policies. */
    private List<Long> policyIds = new ArrayList<>();

    /** Customers stored at start-up and on every reset. */
    @Valid private List<SeedCustomerOptions> seedCustomers = new ArrayList<>();

    public List<String> getApiKeys() {
      return apiKeys;
    }

    public void setApiKeys(List<String> apiKeys) {
      this.apiKeys = apiKeys;
    }

    public long getIdStart() {
      return idStart;
    }

    public void setIdStart(long idStart) {
      this.idStart = idStart;
    }

    public List<EndpointOptions> getEndpoints() {
      return endpoints;
    }

    public void setEndpoints(List<EndpointOptions> endpoints) {
      this.endpoints = endpoints;
    }

    public List<CustomFieldOptions> getCustomFields() {
      return customFields;
    }

    public void setCustomFields(List<CustomFieldOptions> customFields) {
      this.customFields = customFields;
    }

    public List<Long> getPolicyIds() {
      return policyIds;
    }

    public void setPolicyIds(List<Long> policyIds) {
      this.policyIds = policyIds;
    }

    public List<SeedCustomerOptions> getSeedCustomers() {
      return seedCustomers;
    }

    public void setSeedCustomers(List<SeedCustomerOptions> seedCustomers) {
      this.seedCustomers = seedCustomers;
    }
  }

  /** One listening endpoint of an instance. */
  public static class EndpointOptions {

    /** Endpoint name, unique across all instances, such as eu-1. */
    @NotBlank(message = "must be set to a name that is unique across instances, such as eu-1")
    private @Nullable String name;

    /** TCP port; 0 picks a free port at start-up. */
    @Min(value = 0, message = "must be between 0 and 65535 (0 picks a free port)")
    @Max(value = 65535, message = "must be between 0 and 65535 (0 picks a free port)")
    private int port;

    public @Nullable String getName() {
      return name;
    }

    public void setName(@Nullable String name) {
      this.name = name;
    }

    public int getPort() {
      return port;
    }

    public void setPort(int port) {
      this.port = port;
    }
  }

  /** Definition of one custom field. */
  public static class CustomFieldOptions {

    /** Field name; must start with cf_. */
    @NotNull(message = "must be set to a name that starts with cf_")
    @Pattern(
        regexp = "cf_[A-Za-z0-9_]+",
        message = "must start with cf_ followed by letters, digits or underscores")
    private @Nullable String name;

    /** Input type: text, number, boolean, date or choice. */
    @NotNull(message = "must be one of text, number, boolean, date, choice")
    private @Nullable CustomFieldType type;

    /** Allowed values of a choice field; required for choice, ignored otherwise. */
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

  /** A demo customer stored at start-up; use fictional names and example.com addresses. */
  public static class SeedCustomerOptions {

    private @Nullable String firstName;

    private @Nullable String lastName;

    @Email(message = "must be a well-formed email address")
    private @Nullable String email;

    private @Nullable String city;

    private @Nullable String country;

    /** M, F, O or U. */
    @Pattern(regexp = "[MFOU]", message = "must be one of M, F, O, U")
    private @Nullable String gender;

    private @Nullable LocalDate dateOfBirth;

    private @Nullable String externalId;

    private boolean allowEmail;

    /** Custom field values as text, converted by each field's type. */
    private Map<String, String> customFields = new LinkedHashMap<>();

    public @Nullable String getFirstName() {
      return firstName;
    }

    public void setFirstName(@Nullable String firstName) {
      this.firstName = firstName;
    }

    public @Nullable String getLastName() {
      return lastName;
    }

    public void setLastName(@Nullable String lastName) {
      this.lastName = lastName;
    }

    public @Nullable String getEmail() {
      return email;
    }

    public void setEmail(@Nullable String email) {
      this.email = email;
    }

    public @Nullable String getCity() {
      return city;
    }

    public void setCity(@Nullable String city) {
      this.city = city;
    }

    public @Nullable String getCountry() {
      return country;
    }

    public void setCountry(@Nullable String country) {
      this.country = country;
    }

    public @Nullable String getGender() {
      return gender;
    }

    public void setGender(@Nullable String gender) {
      this.gender = gender;
    }

    public @Nullable LocalDate getDateOfBirth() {
      return dateOfBirth;
    }

    public void setDateOfBirth(@Nullable LocalDate dateOfBirth) {
      this.dateOfBirth = dateOfBirth;
    }

    public @Nullable String getExternalId() {
      return externalId;
    }

    public void setExternalId(@Nullable String externalId) {
      this.externalId = externalId;
    }

    public boolean isAllowEmail() {
      return allowEmail;
    }

    public void setAllowEmail(boolean allowEmail) {
      this.allowEmail = allowEmail;
    }

    public Map<String, String> getCustomFields() {
      return customFields;
    }

    public void setCustomFields(Map<String, String> customFields) {
      this.customFields = customFields;
    }
  }
}
