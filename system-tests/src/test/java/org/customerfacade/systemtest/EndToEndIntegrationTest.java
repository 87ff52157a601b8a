package org.customerfacade.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.customerfacade.client.CustomerApiClients;
import org.customerfacade.client.api.CustomersApi;
import org.customerfacade.client.model.Customer;
import org.customerfacade.client.model.CustomerUpdate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Runs the stand-in provider, the facade and the gateway as three processes on random ports and
 * drives them through the gateway with the generated Java client, as an internal service would.
 */
class EndToEndIntegrationTest {

  private static final String VERSION = CustomerApiClients.API_VERSION;
  private static final String DEMO_TOKEN = "demo-app-local-token";
  private static final String US_ONLY_TOKEN = "us-reporting-local-token";
  private static final Duration BLOCK = Duration.ofSeconds(15);

  private static final HttpClient http = HttpClient.newHttpClient();

  private static ServiceStack stack;
  private static String standinAdmin;
  private static String gatewayUrl;

  @BeforeAll
  static void startServices() throws IOException, InterruptedException {
    stack = ServiceStack.start();
    standinAdmin = stack.standinAdminUrl();
    gatewayUrl = stack.gatewayUrl();
  }

  @AfterAll
  static void stopServices() throws InterruptedException {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void customerLifecycleThroughGateway() {
    CustomersApi api = client(DEMO_TOKEN, null);
    Customer draft =
        new Customer()
            .firstName("Rosalind")
            .lastName("Franklin")
            .email("rosalind.franklin@example.com")
            .externalId("crm-e2e-lifecycle")
            .allowEmail(true);

    Customer created = api.createCustomer(VERSION, draft, null, null, null).block(BLOCK);

    assertThat(created.getId()).isPositive();
    assertThat(created.getPublicId()).isNotNull();
    assertThat(created.getAllowEmail()).isTrue();
    assertThat(created.getAllowPost()).isFalse();
    assertThat(created.getCreatedDatetimeUtc())
        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
    long id = created.getId();

    ResponseEntity<Customer> first =
        api.getCustomerWithHttpInfo(id, VERSION, null, null, null).block(BLOCK);
    ResponseEntity<Customer> second =
        api.getCustomerWithHttpInfo(id, VERSION, null, null, null).block(BLOCK);
    assertThat(first.getHeaders().getFirst("X-Cache")).as("stored by the create").isEqualTo("HIT");
    assertThat(second.getHeaders().getFirst("X-Cache")).isEqualTo("HIT");
    assertThat(second.getHeaders().getFirst("X-Request-Id")).isNotBlank();
    assertThat(second.getBody().getFirstName()).isEqualTo("Rosalind");

    Customer updated =
        api.updateCustomer(id, VERSION, new CustomerUpdate().city("Cambridge"), null, null)
            .block(BLOCK);
    assertThat(updated.getCity()).isEqualTo("Cambridge");
    assertThat(updated.getAllowEmail()).as("absent field left alone").isTrue();

    ResponseEntity<Customer> afterUpdate =
        api.getCustomerWithHttpInfo(id, VERSION, null, null, null).block(BLOCK);
    assertThat(afterUpdate.getHeaders().getFirst("X-Cache"))
        .as("stored by the update")
        .isEqualTo("HIT");
    assertThat(afterUpdate.getBody().getCity()).isEqualTo("Cambridge");

    List<Customer> found =
        api.findCustomers(VERSION, null, null, null, "Rosalind.Franklin@example.com", null, null)
            .collectList()
            .block(BLOCK);
    assertThat(found).extracting(Customer::getId).containsExactly(id);

    api.deleteCustomerWithHttpInfo(id, VERSION, null, null).block(BLOCK);
    assertThatThrownBy(() -> api.getCustomer(id, VERSION, null, null, null).block(BLOCK))
        .isInstanceOfSatisfying(
            WebClientResponseException.class,
            error -> {
              assertThat(error.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
              assertThat(error.getHeaders().getContentType().toString())
                  .isEqualTo("application/problem+json");
            });
  }

  @Test
  void accountsKeepTheirOwnData() {
    CustomersApi eu = client(DEMO_TOKEN, null);
    CustomersApi us = client(DEMO_TOKEN, "us-demo");

    List<Customer> inUs =
        us.findCustomers(VERSION, null, null, null, "jordan.whitfield@example.com", null, null)
            .collectList()
            .block(BLOCK);
    List<Customer> inEu =
        eu.findCustomers(VERSION, null, null, null, "jordan.whitfield@example.com", null, null)
            .collectList()
            .block(BLOCK);

    assertThat(inUs).hasSize(1);
    assertThat(inUs.get(0).getAdditionalProperty("cf_store_region")).isEqualTo("west");
    assertThat(inEu).isEmpty();
  }

  @Test
  void consumerCannotUseAnotherAccount() {
    CustomersApi usOnly = client(US_ONLY_TOKEN, "eu-demo");

    assertThatThrownBy(() -> usOnly.getCustomer(1001L, VERSION, null, null, null).block(BLOCK))
        .isInstanceOfSatisfying(
            WebClientResponseException.class,
            error -> assertThat(error.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN));
  }

  @Test
  void requestWithoutTokenIs401() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(gatewayUrl + "/customer/1001"))
                .header("x-api-version", VERSION)
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void failsOverWhenEuPrimaryFails() throws Exception {
    CustomersApi api = client(DEMO_TOKEN, null);
    Customer seeded =
        api.findCustomers(VERSION, null, null, null, "milo.brandt@example.com", null, null)
            .blockFirst(BLOCK);
    long secondaryBefore = requestsOf("eu-2");

    admin("PUT", "/admin/endpoints/eu-1/fault", "{\"status\":503}");
    try {
      Customer read = api.getCustomer(seeded.getId(), VERSION, null, null, null).block(BLOCK);

      assertThat(read.getFirstName()).isEqualTo("Milo");
      assertThat(requestsOf("eu-2")).isGreaterThan(secondaryBefore);
    } finally {
      admin("DELETE", "/admin/endpoints/eu-1/fault", null);
    }
  }

  private CustomersApi client(String token, String account) {
    CustomerApiClients.Builder builder =
        CustomerApiClients.builder().baseUrl(gatewayUrl).bearerToken(token);
    if (account != null) {
      builder.defaultHeader("X-Account", account);
    }
    return builder.build();
  }

  private static long requestsOf(String endpoint) throws Exception {
    String body = admin("GET", "/admin/endpoints", null);
    var endpoints = tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
    for (var node : endpoints) {
      if (endpoint.equals(node.path("name").asString())) {
        return node.path("requests").asLong();
      }
    }
    throw new AssertionError("endpoint " + endpoint + " not listed by the stand-in: " + body);
  }

  private static String admin(String method, String path, String json) throws Exception {
    HttpRequest.BodyPublisher body =
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(standinAdmin + path))
                .header("Content-Type", "application/json")
                .method(method, body)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path).isLessThan(300);
    return response.body();
  }
}
