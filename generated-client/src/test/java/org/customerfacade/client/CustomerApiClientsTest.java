package org.customerfacade.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import org.customerfacade.client.api.CustomersApi;
import org.customerfacade.client.model.Customer;
import org.customerfacade.client.model.CustomerUpdate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.test.StepVerifier;

class CustomerApiClientsTest {

  private static final WireMockServer provider = new WireMockServer(wireMockConfig().dynamicPort());

  @BeforeAll
  static void startProvider() {
    provider.start();
  }

  @AfterAll
  static void stopProvider() {
    provider.stop();
  }

  @BeforeEach
  void resetProvider() {
    provider.resetAll();
  }

  @Test
  void sendsApiKeyAndVersionHeaders() {
    provider.stubFor(
        get(urlEqualTo("/customer/7"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":7,\"first_name\":\"Grace\",\"cf_tier\":\"gold\"}")));
    CustomersApi api =
        CustomerApiClients.builder().baseUrl(provider.baseUrl()).apiKey("k-1").build();

    Customer customer =
        api.getCustomer(7L, CustomerApiClients.API_VERSION, null, null, null).block();

    assertThat(customer.getId()).isEqualTo(7L);
    assertThat(customer.getFirstName()).isEqualTo("Grace");
    assertThat(customer.getAdditionalProperty("cf_tier")).isEqualTo("gold");
    provider.verify(
        getRequestedFor(urlEqualTo("/customer/7"))
            .withHeader("Authorization", equalTo("ApiKey key=\"k-1\""))
            .withHeader("x-api-version", equalTo("2.0")));
  }

  @Test
  void updateOmitsFieldsThatAreNotSet() {
    provider.stubFor(
        put(urlEqualTo("/customer/7"))
            .willReturn(
                aResponse().withHeader("Content-Type", "application/json").withBody("{\"id\":7}")));
    CustomersApi api =
        CustomerApiClients.builder()
            .baseUrl(provider.baseUrl())
            .bearerToken("t-1")
            .defaultHeader("X-Account", "us-demo")
            .build();

    api.updateCustomer(7L, "2.0", new CustomerUpdate().city("Bristol"), null, null).block();

    provider.verify(
        putRequestedFor(urlEqualTo("/customer/7"))
            .withHeader("Authorization", equalTo("Bearer t-1"))
            .withHeader("X-Account", equalTo("us-demo"))
            .withRequestBody(equalToJson("{\"city\":\"Bristol\"}")));
  }

  @Test
  void responseTimeoutEndsSlowCall() {
    provider.stubFor(
        get(urlEqualTo("/customer/8"))
            .willReturn(aResponse().withFixedDelay(2_000).withBody("{}")));
    CustomersApi api =
        CustomerApiClients.builder()
            .baseUrl(provider.baseUrl())
            .responseTimeout(Duration.ofMillis(200))
            .build();

    StepVerifier.create(api.getCustomer(8L, "2.0", null, null, null))
        .expectError(WebClientRequestException.class)
        .verify(Duration.ofSeconds(5));
    provider.verify(
        getRequestedFor(urlEqualTo("/customer/8")).withHeader("Authorization", absent()));
  }

  @Test
  void readsResponsesLargerThanSpringDefault() {
    String nickname = "n".repeat(300_000);
    provider.stubFor(
        get(urlEqualTo("/customer/9"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":9,\"cf_nickname\":\"" + nickname + "\"}")));
    CustomersApi api = CustomerApiClients.builder().baseUrl(provider.baseUrl()).build();

    Customer customer = api.getCustomer(9L, "2.0", null, null, null).block();

    assertThat(customer.getAdditionalProperty("cf_nickname")).isEqualTo(nickname);
  }

  @Test
  void buildWithoutBaseUrlFails() {
    assertThatThrownBy(() -> CustomerApiClients.builder().apiKey("k").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("baseUrl");
  }

  @Test
  void blankApiKeyIsRejected() {
    assertThatThrownBy(() -> CustomerApiClients.builder().apiKey(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("apiKey must not be blank");
  }
}
