package org.customerfacade.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.customerfacade.client.api.CustomersApi;
import org.customerfacade.client.invoker.ApiClient;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds a {@link CustomersApi} client with the base URL, credential, version header and timeouts
 * that every Customer API call needs.
 *
 * <p>The generated {@code ApiClient} builds its own {@link WebClient} unless it is given one, so
 * this builder accepts a Boot-configured {@link WebClient.Builder} to keep the application's
 * metrics, tracing and connection settings. Either way, request bodies are written without null
 * fields: on an update a null would otherwise ask the provider to clear the field.
 */
public final class CustomerApiClients {

  /** Value of the {@code x-api-version} header that this client is generated for. */
  public static final String API_VERSION = "2.0";

  /** Default time allowed to open a TCP connection. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

  /**
   * Default maximum size of a response body, 2 MiB. Spring's own default of 256 KiB is smaller than
   * a customer with long custom fields that a server accepting 256 KiB requests can store.
   */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

  /** Default time allowed between sending a request and receiving the whole response. */
  public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(5);

  private CustomerApiClients() {}

  /** Starts a builder for a client of one base URL and one credential. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the JSON mapper the client uses: unknown properties are ignored, so a provider that
   * adds fields does not break callers, and null fields are not written.
   */
  public static JsonMapper jsonMapper() {
    return JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .changeDefaultPropertyInclusion(
            inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
        .build();
  }

  /** Builder of a {@link CustomersApi} client. */
  public static final class Builder {

    private @Nullable String baseUrl;
    private @Nullable String authorization;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
    private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private WebClient.@Nullable Builder webClientBuilder;
    private final Map<String, String> defaultHeaders = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the base URL, such as {@code https://api.coniq.com} or the gateway's URL. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = requireText("baseUrl", baseUrl);
      return this;
    }

    /** Authenticates with the provider account's API key, sent as {@code ApiKey key="..."}. */
    public Builder apiKey(String apiKey) {
      this.authorization = "ApiKey key=\"" + requireText("apiKey", apiKey) + "\"";
      return this;
    }

    /** Authenticates with a bearer token, as the gateway expects from its consumers. */
    public Builder bearerToken(String token) {
      this.authorization = "Bearer " + requireText("bearerToken", token);
      return this;
    }

    /**
     * Adds a header to every request, such as {@code X-Account} to choose among the accounts a
     * gateway consumer may use.
     */
    public Builder defaultHeader(String name, String value) {
      defaultHeaders.put(requireText("name", name), requireText("value", value));
      return this;
    }

    /** Sets the time allowed to open a connection; default 2 seconds. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = requirePositive("connectTimeout", connectTimeout);
      return this;
    }

    /** Sets the time allowed for the whole response to arrive; default 5 seconds. */
    public Builder responseTimeout(Duration responseTimeout) {
      this.responseTimeout = requirePositive("responseTimeout", responseTimeout);
      return this;
    }

    /** Sets the maximum size of a response body in bytes; default 2 MiB. */
    public Builder maxResponseBytes(int maxResponseBytes) {
      if (maxResponseBytes <= 0) {
        throw new IllegalArgumentException(
            "maxResponseBytes must be positive but was " + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * Uses this builder, typically Boot's auto-configured one, as the base of the client's {@link
     * WebClient}. The builder is cloned, so the caller's instance is left unchanged.
     */
    public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
      this.webClientBuilder = Objects.requireNonNull(webClientBuilder, "webClientBuilder");
      return this;
    }

    /** Builds the client; throws {@link IllegalStateException} when the base URL is unset. */
    public CustomersApi build() {
      if (baseUrl == null) {
        throw new IllegalStateException("baseUrl is not set; call baseUrl(...) before build()");
      }
      JsonMapper mapper = jsonMapper();
      WebClient webClient = configure(mapper).build();
      ApiClient apiClient = new ApiClient(webClient, mapper, ApiClient.createDefaultDateFormat());
      apiClient.setBasePath(baseUrl);
      return new CustomersApi(apiClient);
    }

    private WebClient.Builder configure(JsonMapper mapper) {
      HttpClient httpClient =
          HttpClient.create()
              .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
              .responseTimeout(responseTimeout);
      WebClient.Builder builder =
          webClientBuilder == null ? WebClient.builder() : webClientBuilder.clone();

      builder
          .clientConnector(new ReactorClientHttpConnector(httpClient))
          .codecs(
              codecs -> {
                codecs.defaultCodecs().maxInMemorySize(maxResponseBytes);
                codecs
                    .defaultCodecs()
                    .jacksonJsonEncoder(new JacksonJsonEncoder(mapper, MediaType.APPLICATION_JSON));
                codecs.defaultCodecs().jacksonJsonDecoder(decoder(mapper));
              })
          .defaultHeader("x-api-version", API_VERSION);
      defaultHeaders.forEach(builder::defaultHeader);
      if (authorization != null) {
        builder.defaultHeader(HttpHeaders.AUTHORIZATION, authorization);
      }
      return builder;
    }

    private JacksonJsonDecoder decoder(JsonMapper mapper) {
      JacksonJsonDecoder decoder =
          new JacksonJsonDecoder(
              mapper, MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
      decoder.setMaxInMemorySize(maxResponseBytes);
      return decoder;
    }

    private static String requireText(String name, @Nullable String value) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }

    private static Duration requirePositive(String name, @Nullable Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive but was " + value);
      }
      return value;
    }
  }
}
