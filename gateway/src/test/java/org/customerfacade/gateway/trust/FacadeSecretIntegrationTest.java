package org.customerfacade.gateway.trust;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.customerfacade.gateway.GatewayIntegrationTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FacadeSecretIntegrationTest extends GatewayIntegrationTestSupport {

  @BeforeEach
  void stubFacade() {
    facade.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
  }

  @Test
  void secretReachesFacade() {
    client
        .get()
        .uri("/customer/1")
        .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(receivedSecrets()).containsExactly(FacadeTrustProperties.DEMO_SECRET);
  }

  @Test
  void callerSecretIsReplaced() {
    client
        .get()
        .uri("/customer/1")
        .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
        .header(FacadeSecretFilter.SECRET_HEADER, "caller-chosen-secret-value")
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(receivedSecrets()).containsExactly(FacadeTrustProperties.DEMO_SECRET);
  }

  @Test
  void unauthenticatedRequestGetsNoSecret() {
    client.get().uri("/customer/1").exchange().expectStatus().isUnauthorized();

    assertThat(facade.getAllServeEvents()).isEmpty();
  }

  private List<String> receivedSecrets() {
    List<LoggedRequest> requests = facade.findAll(getRequestedFor(urlEqualTo("/customer/1")));
    assertThat(requests).hasSize(1);
    return requests.get(0).getHeaders().getHeader(FacadeSecretFilter.SECRET_HEADER).values();
  }
}
