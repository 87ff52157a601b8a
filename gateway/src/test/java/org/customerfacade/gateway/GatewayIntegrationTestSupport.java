package org.customerfacade.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Runs the whole gateway on random loopback ports with its facade route aimed at {@link
 * FacadeStub}. Subclasses share one cached application context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"server.address=127.0.0.1", "management.server.port=0"})
@AutoConfigureWebTestClient
public abstract class GatewayIntegrationTestSupport {

  /** Token of the demo consumer {@code demo-app} from application.yml. */
  protected static final String DEMO_APP_TOKEN = "demo-app-local-token";

  /** Token of the demo consumer {@code us-reporting} from application.yml. */
  protected static final String US_REPORTING_TOKEN = "us-reporting-local-token";

  /** Operators' token for the management port, the local demo default of edge.admin. */
  protected static final String ADMIN_TOKEN = "demo-admin-local-token";

  @Autowired protected WebTestClient client;

  protected final WireMockServer facade = FacadeStub.server();

  @DynamicPropertySource
  static void routeToFacadeStub(DynamicPropertyRegistry registry) {
    registry.add("FACADE_URI", FacadeStub::baseUri);
  }

  @BeforeEach
  void resetFacadeStub() {
    facade.resetAll();
  }
}
