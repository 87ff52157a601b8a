package org.customerfacade.facade;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A bounded load of mixed requests while the primary fails about 30% of calls: every request ends
 * before its deadline, no create reaches the provider twice, and every acknowledged create is in
 * the provider's log.
 */
class LoadUnderFaultsIntegrationTest extends FacadeIntegrationTest {

  /** Kept small so the suite stays lean on a shared 2-core machine; raise it to load harder. */
  private static final int REQUESTS = 400;

  private static final int CONCURRENCY = 16;

  /** Default deadline (8 s) plus slack for a busy 2-core machine; a hang would exceed it. */
  private static final Duration BOUND = Duration.ofSeconds(10);

  private static final Pattern MARKER = Pattern.compile("load-(\\d+)");

  @LocalServerPort int port;

  @Test
  void mixedLoadLosesAndDuplicatesNothing() {
    // The test clock does not move, so an open breaker would shield the primary for the whole run.
    // Disabled, it lets every fault reach the callers' paths; the chaos tests cover the breaker.
    breakers.circuitBreaker("eu-production-1").transitionToDisabledState();
    stubPrimaryFailingThirtyPercent();
    stubHealthySecondary();
    WebClient facade =
        WebClient.builder()
            .baseUrl("http://127.0.0.1:" + port)
            .defaultHeader(GatewaySecretHeader.NAME, GatewaySecretHeader.DEMO_VALUE)
            .build();

    List<Result> results =
        Flux.range(0, REQUESTS)
            .flatMap(i -> send(facade, i), CONCURRENCY)
            .collectList()
            .block(Duration.ofMinutes(3));

    System.out.println(
        "LOADSTATS "
            + results.stream()
                .collect(
                    Collectors.groupingBy(
                        Result::status, Collectors.summarizingLong(r -> r.elapsed().toMillis()))));
    assertThat(results).hasSize(REQUESTS);
    assertThat(results).allSatisfy(result -> assertThat(result.elapsed()).isLessThan(BOUND));
    assertThat(results)
        .allSatisfy(result -> assertThat(result.status()).isIn(200, 201, 502, 503, 504));
    Map<Integer, Long> createsByMarker = createsAcceptedUpstream();
    assertThat(createsByMarker.values()).allSatisfy(count -> assertThat(count).isEqualTo(1L));
    Set<Integer> acknowledged =
        results.stream()
            .filter(result -> result.status() == 201)
            .map(Result::index)
            .collect(Collectors.toSet());
    assertThat(createsByMarker.keySet()).containsAll(acknowledged);
    // The primary may have stored a create whose response it lost, so sending it elsewhere too
    // would be a duplicate.
    assertThat(createsByMarker.keySet()).noneMatch(LoadUnderFaultsIntegrationTest::failsAtPrimary);
    assertThat(acknowledged).isNotEmpty();
    assertThat(results).anySatisfy(result -> assertThat(result.status()).isEqualTo(502));
  }

  /** Reads, updates and creates ending in 0, 1 or 2 fail at the primary in three ways. */
  private void stubPrimaryFailingThirtyPercent() {
    euPrimary.stubFor(
        get(urlMatching("/customer/\\d*0")).atPriority(1).willReturn(serviceUnavailable()));
    euPrimary.stubFor(
        get(urlMatching("/customer/\\d*1"))
            .atPriority(1)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    euPrimary.stubFor(
        get(urlMatching("/customer/\\d*2"))
            .atPriority(1)
            .willReturn(okJson("{\"id\":2}").withFixedDelay(1_500)));
    euPrimary.stubFor(
        get(urlMatching("/customer/\\d+"))
            .atPriority(5)
            .willReturn(okJson("{\"id\":1}").withUniformRandomDelay(0, 30)));
    euPrimary.stubFor(
        put(urlMatching("/customer/\\d*[0-2]")).atPriority(1).willReturn(serviceUnavailable()));
    euPrimary.stubFor(
        put(urlMatching("/customer/\\d+")).atPriority(5).willReturn(okJson("{\"id\":1}")));
    euPrimary.stubFor(
        post(urlEqualTo("/customer"))
            .withRequestBody(containing("\"fail\""))
            .atPriority(1)
            .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    euPrimary.stubFor(
        post(urlEqualTo("/customer"))
            .atPriority(5)
            .willReturn(okJson("{\"id\":1}").withStatus(201)));
  }

  private void stubHealthySecondary() {
    euSecondary.stubFor(get(urlMatching("/customer/\\d+")).willReturn(okJson("{\"id\":1}")));
    euSecondary.stubFor(put(urlMatching("/customer/\\d+")).willReturn(okJson("{\"id\":1}")));
    euSecondary.stubFor(
        post(urlEqualTo("/customer")).willReturn(okJson("{\"id\":1}").withStatus(201)));
  }

  /** Sends request {@code i}: 60% reads, 20% updates, 20% creates, each with its own id. */
  private Mono<Result> send(WebClient facade, int i) {
    long started = System.nanoTime();
    WebClient.RequestHeadersSpec<?> request =
        switch (i % 5) {
          case 0 ->
              headers(facade.post().uri("/customer"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .bodyValue(createBody(i));
          case 1 ->
              headers(facade.put().uri("/customer/" + i))
                  .contentType(MediaType.APPLICATION_JSON)
                  .bodyValue("{\"city\":\"Leuven\"}");
          default ->
              facade
                  .get()
                  .uri("/customer/" + i)
                  .header("X-Consumer-Id", CONSUMER)
                  .header("x-api-version", "2.0");
        };
    return request
        .exchangeToMono(
            response -> response.releaseBody().thenReturn(response.statusCode().value()))
        .map(status -> new Result(i, status, Duration.ofNanos(System.nanoTime() - started)));
  }

  /** Builds a create body with its index; one create in three is marked to fail at the primary. */
  private static String createBody(int i) {
    String lastName = failsAtPrimary(i) ? "fail" : "ok";
    return "{\"first_name\":\"load-" + i + "\",\"last_name\":\"" + lastName + "\"}";
  }

  private static boolean failsAtPrimary(int createIndex) {
    return (createIndex / 5) % 3 == 0;
  }

  private static WebClient.RequestBodySpec headers(WebClient.RequestBodySpec spec) {
    return spec.header("X-Consumer-Id", CONSUMER).header("x-api-version", "2.0");
  }

  /** Counts, per create index, the creates that an endpoint accepted with 201. */
  private static Map<Integer, Long> createsAcceptedUpstream() {
    return Stream.of(euPrimary, euSecondary)
        .map(WireMockServer::getAllServeEvents)
        .flatMap(List::stream)
        .filter(event -> event.getRequest().getMethod().getName().equals("POST"))
        .filter(event -> event.getResponse().getStatus() == 201)
        .map(LoadUnderFaultsIntegrationTest::marker)
        .collect(Collectors.groupingBy(index -> index, TreeMap::new, Collectors.counting()));
  }

  private static int marker(ServeEvent event) {
    Matcher matcher = MARKER.matcher(event.getRequest().getBodyAsString());
    assertThat(matcher.find()).isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  private record Result(int index, int status, Duration elapsed) {}
}
