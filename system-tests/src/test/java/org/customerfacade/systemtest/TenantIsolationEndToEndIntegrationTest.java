package org.customerfacade.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks tenant isolation through the real gateway: consumer {@code us-reporting}, which may use
 * only the us-demo account, never gets a customer of eu-demo that consumer {@code demo-app} has
 * just read into the facade's cache, whatever identity, account or region headers it forges. Also
 * checks that the facade rejects an undefined custom field before the create reaches the provider.
 */
class TenantIsolationEndToEndIntegrationTest {

  private static final String DEMO_TOKEN = "demo-app-local-token";
  private static final String US_ONLY_TOKEN = "us-reporting-local-token";

  /** Seed customer 1001 of the stand-in's EU instance, which the demo account eu-demo uses. */
  private static final String EU_EMAIL = "ada.lovelace@example.com";

  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final JsonMapper json = JsonMapper.builder().build();

  private static ServiceStack stack;

  @BeforeAll
  static void startServices() throws IOException, InterruptedException {
    stack = ServiceStack.start();
  }

  @AfterAll
  static void stopServices() throws InterruptedException {
    if (stack != null) {
      stack.close();
    }
  }

  @BeforeEach
  void cacheEuCustomer() throws Exception {
    HttpResponse<String> cached = get(DEMO_TOKEN, "/customer/1001");

    assertThat(cached.statusCode()).isEqualTo(200);
    assertThat(cached.body()).contains(EU_EMAIL);
  }

  @Test
  void otherConsumerGetsOwnAccount() throws Exception {
    HttpResponse<String> response = get(US_ONLY_TOKEN, "/customer/1001");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).doesNotContain(EU_EMAIL);
  }

  @Test
  void forgedAccountHeaderIs403() throws Exception {
    HttpResponse<String> response = get(US_ONLY_TOKEN, "/customer/1001", "X-Account", "eu-demo");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).doesNotContain(EU_EMAIL);
  }

  @Test
  void forgedConsumerHeaderIsReplaced() throws Exception {
    HttpResponse<String> response =
        get(
            US_ONLY_TOKEN,
            "/customer/1001",
            "X-Consumer-Id",
            "demo-app",
            "X-Account",
            "eu-demo",
            "X-Gateway-Secret",
            "local-demo-gateway-secret");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("us-reporting").doesNotContain(EU_EMAIL);
  }

  @Test
  void forgedRegionHeaderIs403() throws Exception {
    HttpResponse<String> response = get(US_ONLY_TOKEN, "/customer/1001", "X-Region", "EU");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).doesNotContain(EU_EMAIL);
  }

  @Test
  void lookupByOtherAccountsEmailFindsNothing() throws Exception {
    get(DEMO_TOKEN, "/customer?email=" + EU_EMAIL);

    HttpResponse<String> response = get(US_ONLY_TOKEN, "/customer?email=" + EU_EMAIL);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("[]");
  }

  @Test
  void undefinedCustomFieldNeverReachesProvider() throws Exception {
    long before = requestsOf("eu-1") + requestsOf("eu-2");

    HttpResponse<String> response =
        http.send(
            request(DEMO_TOKEN, "/customer")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"cf_store_region\":\"west\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(422);
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.path("errors").path(0).path("pointer").asString())
        .isEqualTo("/cf_store_region");
    assertThat(requestsOf("eu-1") + requestsOf("eu-2")).isEqualTo(before);
  }

  private static HttpResponse<String> get(String token, String path, String... headers)
      throws Exception {
    HttpRequest.Builder builder = request(token, path);
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return http.send(builder.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(String token, String path) {
    return HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token)
        .header("x-api-version", "2.0");
  }

  private static long requestsOf(String endpoint) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(stack.standinAdminUrl() + "/admin/endpoints"))
                .timeout(TIMEOUT)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    for (JsonNode node : json.readTree(response.body())) {
      if (endpoint.equals(node.path("name").asString())) {
        return node.path("requests").asLong();
      }
    }
    throw new AssertionError("endpoint " + endpoint + " not listed by the stand-in");
  }
}
