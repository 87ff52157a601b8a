package org.customerfacade.gateway.headers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.customerfacade.gateway.GatewayIntegrationTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InternalHeadersIntegrationTest extends GatewayIntegrationTestSupport {

  @BeforeEach
  void stubFacade() {
    facade.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
  }

  @Test
  void spoofedInternalHeadersAreReplaced() {
    client
        .get()
        .uri("/customer/1")
        .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
        .header("X-Consumer-Id", "admin")
        .header("x-consumer-id", "root")
        .header("X-Internal-Foo", "spoofed")
        .header("x-internal-region", "us")
        .exchange()
        .expectStatus()
        .isOk();

    LoggedRequest received = singleReceivedRequest();
    assertThat(received.getHeaders().getHeader("X-Consumer-Id").values())
        .containsExactly("demo-app");
    assertThat(internalHeaderNames(received)).isEmpty();
  }

  @Test
  void consumerIdMatchesToken() {
    client
        .get()
        .uri("/customer/1")
        .header("Authorization", "Bearer " + US_REPORTING_TOKEN)
        .exchange()
        .expectStatus()
        .isOk();

    facade.verify(
        1,
        getRequestedFor(urlEqualTo("/customer/1"))
            .withHeader("X-Consumer-Id", equalTo("us-reporting")));
  }

  @Test
  void authorizationDoesNotReachFacade() {
    client
        .get()
        .uri("/customer/1")
        .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
        .exchange()
        .expectStatus()
        .isOk();

    facade.verify(
        1, getRequestedFor(urlEqualTo("/customer/1")).withHeader("Authorization", absent()));
  }

  @Test
  void callerHeadersPassThrough() {
    client
        .get()
        .uri("/customer/1")
        .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
        .header("X-Account", "eu-retail")
        .header("Cache-Control", "no-cache")
        .header("x-api-version", "2.0")
        .header("Accept", "application/json")
        .exchange()
        .expectStatus()
        .isOk();

    facade.verify(
        1,
        getRequestedFor(urlEqualTo("/customer/1"))
            .withHeader("X-Account", equalTo("eu-retail"))
            .withHeader("Cache-Control", equalTo("no-cache"))
            .withHeader("x-api-version", equalTo("2.0"))
            .withHeader("Accept", equalTo("application/json")));
  }

  private LoggedRequest singleReceivedRequest() {
    List<LoggedRequest> requests = facade.findAll(getRequestedFor(urlEqualTo("/customer/1")));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  private static List<String> internalHeaderNames(LoggedRequest request) {
    return request.getHeaders().all().stream()
        .map(HttpHeader::key)
        .filter(name -> name.toLowerCase().startsWith("x-internal-"))
        .toList();
  }
}
