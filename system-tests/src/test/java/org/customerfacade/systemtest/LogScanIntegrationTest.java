package org.customerfacade.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the whole flow of the Customer API through the gateway, with every personal field, custom
 * fields, errors and a provider failure. Then scans the log files of the stand-in, the facade and
 * the gateway for the demo's secrets and personal data.
 *
 * <p>The services are stopped before any test runs, so the scan also covers their shutdown logs.
 */
class LogScanIntegrationTest {

  private static final String DEMO_TOKEN = "demo-app-local-token";
  private static final String US_ONLY_TOKEN = "us-reporting-local-token";
  private static final String WRONG_TOKEN = "wrong-token-for-the-log-scan";
  private static final String OPERATOR_TOKEN = "demo-admin-local-token";

  private static final String NEW_CUSTOMER =
      """
      {"first_name":"Katherine","last_name":"Johnson","email":"katherine.johnson@example.com",
       "phone":{"country_code":"44","number":"7700900461"},"address1":"41 Orbital Way",
       "address2":"Flat 9","city":"Hampton","county":"Tidewater","postcode":"VA1 2NA",
       "company":"Langley Computing Ltd","country":"GB","date_of_birth":"1918-08-26","gender":"F",
       "external_id":"crm-logscan-1","allow_email":true,"cf_loyalty_tier":"gold",
       "cf_nickname":"Kathy Flightpath","cf_member_since":"2020-01-15","cf_shoe_size":38,
       "cf_newsletter":true}""";

  private static final String UPDATE =
      """
      {"last_name":"Goble","phone":{"country_code":"44","number":"7700900462"},
       "cf_nickname":"Mrs Goble of Langley"}""";

  private static final String INVALID_EMAIL = "katherine.johnson@@example.com";

  /** Values that no log line of any service may contain. */
  private static final List<String> FORBIDDEN =
      List.of(
          // Consumer tokens, the operators' token, the gateway secret and the provider's keys.
          DEMO_TOKEN,
          US_ONLY_TOKEN,
          WRONG_TOKEN,
          OPERATOR_TOKEN,
          "local-demo-gateway-secret",
          "eu-demo-key",
          "us-demo-key",
          "sandbox-demo-key",
          // The customer created, updated and deleted here.
          "katherine.johnson",
          "katherine.johnson%40example.com",
          "Katherine",
          "Johnson",
          "Goble",
          "7700900461",
          "7700900462",
          "41 Orbital Way",
          "VA1 2NA",
          "Langley Computing",
          "1918-08-26",
          "Kathy Flightpath",
          // Seeded customers that the flow reads.
          "ada.lovelace@example.com",
          "Lovelace",
          "jordan.whitfield@example.com",
          "Whitfield",
          "milo.brandt@example.com",
          "Brandt");

  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final JsonMapper json = JsonMapper.builder().build();

  private static Map<String, Path> logFiles;

  @BeforeAll
  static void runFlowAndStopServices() throws Exception {
    try (ServiceStack stack = ServiceStack.start()) {
      new Flow(stack).run();
      logFiles = stack.logFiles();
    }
  }

  @Test
  void logsContainNoSecretsOrPersonalData() throws IOException {
    assertThat(logFiles).containsOnlyKeys("provider-standin", "facade-service", "gateway");

    for (Map.Entry<String, Path> log : logFiles.entrySet()) {
      String content = Files.readString(log.getValue());
      for (String forbidden : FORBIDDEN) {
        assertThat(content.contains(forbidden))
            .as("%s log contains '%s'", log.getKey(), forbidden)
            .isFalse();
      }
    }
  }

  @Test
  void everyLogIsJsonLines() throws IOException {
    for (Map.Entry<String, Path> log : logFiles.entrySet()) {
      List<String> lines = Files.readAllLines(log.getValue());

      assertThat(lines).as("%s log", log.getKey()).isNotEmpty();
      for (String line : lines) {
        JsonNode event = parse(log.getKey(), line);
        assertThat(event.isObject()).as("%s log line %s", log.getKey(), line).isTrue();
        assertThat(event.path("message").isString())
            .as("%s log line %s", log.getKey(), line)
            .isTrue();
      }
    }
  }

  @Test
  void accessLogsHaveEveryRequest() throws IOException {
    List<JsonNode> gateway = accessLines("gateway", "org.customerfacade.gateway.access");
    List<JsonNode> facade = accessLines("facade-service", "org.customerfacade.facade.access");

    for (String requestId : Flow.REQUEST_IDS) {
      assertThat(withRequestId(gateway, requestId)).as("gateway line of " + requestId).hasSize(1);
    }
    for (String requestId : Flow.FACADE_REQUEST_IDS) {
      List<JsonNode> lines = withRequestId(facade, requestId);
      assertThat(lines).as("facade line of " + requestId).hasSize(1);
      assertThat(lines.get(0).path("consumer").asString()).isIn("demo-app", "us-reporting");
      assertThat(lines.get(0).path("status").isInt()).isTrue();
    }
    assertThat(withRequestId(facade, "logscan-wrong-token")).isEmpty();
  }

  @Test
  void accessLogsShowCacheAndUpstream() throws IOException {
    List<JsonNode> facade = accessLines("facade-service", "org.customerfacade.facade.access");

    JsonNode hit = withRequestId(facade, "logscan-read-2").get(0);
    assertThat(hit.path("cache").asString()).isEqualTo("HIT");
    assertThat(hit.path("account").asString()).isEqualTo("eu-demo");
    assertThat(hit.path("region").asString()).isEqualTo("eu");
    JsonNode find = withRequestId(facade, "logscan-find-us").get(0);
    assertThat(find.path("cache").asString()).isEqualTo("MISS");
    assertThat(find.path("upstream").asString()).isEqualTo("us-production-1");
    assertThat(find.path("region").asString()).isEqualTo("us");
    JsonNode failed = withRequestId(facade, "logscan-provider-down").get(0);
    assertThat(failed.path("status").asInt()).isGreaterThanOrEqualTo(500);
    assertThat(failed.path("upstream").asString()).startsWith("eu-production-");
  }

  private static List<JsonNode> accessLines(String service, String logger) throws IOException {
    return Files.readAllLines(logFiles.get(service)).stream()
        .map(line -> parse(service, line))
        .filter(event -> logger.equals(event.path("logger_name").asString()))
        .toList();
  }

  private static JsonNode parse(String service, String line) {
    try {
      return json.readTree(line);
    } catch (JacksonException notJson) {
      throw new AssertionError(service + " log has a line that is not JSON: " + line, notJson);
    }
  }

  private static List<JsonNode> withRequestId(List<JsonNode> lines, String requestId) {
    return lines.stream()
        .filter(line -> requestId.equals(line.path("request_id").asString()))
        .toList();
  }

  /** The requests of the scan, each with its own request id. */
  private static final class Flow {

    /** Requests that reach the facade. */
    static final List<String> FACADE_REQUEST_IDS =
        List.of(
            "logscan-create",
            "logscan-read-1",
            "logscan-read-2",
            "logscan-find",
            "logscan-update",
            "logscan-invalid-email",
            "logscan-delete",
            "logscan-find-us",
            "logscan-read-seeded",
            "logscan-provider-down");

    /** Every request sent to the gateway. */
    static final List<String> REQUEST_IDS =
        Stream.concat(FACADE_REQUEST_IDS.stream(), Stream.of("logscan-wrong-token")).toList();

    private final ServiceStack stack;

    Flow(ServiceStack stack) {
      this.stack = stack;
    }

    void run() throws Exception {
      HttpResponse<String> created =
          send("POST", "/customer", DEMO_TOKEN, null, NEW_CUSTOMER, "logscan-create");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      long id = json.readTree(created.body()).path("id").asLong();

      expect(200, send("GET", "/customer/" + id, DEMO_TOKEN, null, null, "logscan-read-1"));
      expect(200, send("GET", "/customer/" + id, DEMO_TOKEN, null, null, "logscan-read-2"));
      expect(
          200,
          send(
              "GET",
              "/customer?email=katherine.johnson%40example.com",
              DEMO_TOKEN,
              null,
              null,
              "logscan-find"));
      expect(200, send("PUT", "/customer/" + id, DEMO_TOKEN, null, UPDATE, "logscan-update"));

      HttpResponse<String> invalid =
          send(
              "POST",
              "/customer",
              DEMO_TOKEN,
              null,
              "{\"first_name\":\"Katherine\",\"email\":\"" + INVALID_EMAIL + "\"}",
              "logscan-invalid-email");
      expect(400, invalid);
      assertThat(invalid.body()).as("the problem echoes the value").contains(INVALID_EMAIL);

      expect(204, send("DELETE", "/customer/" + id, DEMO_TOKEN, null, null, "logscan-delete"));
      expect(401, send("GET", "/customer/" + id, WRONG_TOKEN, null, null, "logscan-wrong-token"));
      expect(
          200,
          send(
              "GET",
              "/customer?email=jordan.whitfield%40example.com",
              US_ONLY_TOKEN,
              "us-demo",
              null,
              "logscan-find-us"));
      readWhileProviderFails();
      scrapeFacadeMetrics();
    }

    /** Reads seeded customers, the second while both EU endpoints of the stand-in fail. */
    private void readWhileProviderFails() throws Exception {
      expect(
          200,
          send(
              "GET",
              "/customer?email=ada.lovelace%40example.com",
              DEMO_TOKEN,
              null,
              null,
              "logscan-read-seeded"));

      admin("PUT", "/admin/endpoints/eu-1/fault", "{\"status\":503}");
      admin("PUT", "/admin/endpoints/eu-2/fault", "{\"status\":503}");
      try {
        HttpResponse<String> failed =
            send(
                "GET",
                "/customer?email=milo.brandt%40example.com",
                DEMO_TOKEN,
                null,
                null,
                "logscan-provider-down");
        assertThat(failed.statusCode()).as(failed.body()).isGreaterThanOrEqualTo(500);
      } finally {
        admin("DELETE", "/admin/endpoints/eu-1/fault", null);
        admin("DELETE", "/admin/endpoints/eu-2/fault", null);
      }
    }

    private void scrapeFacadeMetrics() throws Exception {
      HttpResponse<String> scrape =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(stack.facadeManagementUrl() + "/actuator/prometheus"))
                  .header("Authorization", "Bearer " + OPERATOR_TOKEN)
                  .timeout(TIMEOUT)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      expect(200, scrape);
      assertThat(scrape.body()).contains("facade_upstream_failovers_total{");
    }

    private HttpResponse<String> send(
        String method, String path, String token, String account, String body, String requestId)
        throws Exception {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
              .header("Authorization", "Bearer " + token)
              .header("x-api-version", "2.0")
              .header("X-Request-Id", requestId)
              .timeout(TIMEOUT)
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      if (account != null) {
        request.header("X-Account", account);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void admin(String method, String path, String body) throws Exception {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(stack.standinAdminUrl() + path))
                  .header("Content-Type", "application/json")
                  .timeout(TIMEOUT)
                  .method(
                      method,
                      body == null
                          ? HttpRequest.BodyPublishers.noBody()
                          : HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(method + " " + path).isLessThan(300);
    }

    private static void expect(int status, HttpResponse<String> response) {
      assertThat(response.statusCode())
          .as("%s %s: %s", response.request().method(), response.uri(), response.body())
          .isEqualTo(status);
    }
  }
}
