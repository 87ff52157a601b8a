package org.customerfacade.gateway;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * One WireMock server per test JVM standing in for the facade, on a random loopback port. Sharing
 * it keeps the Spring test context of every class that routes to it identical, so it is cached.
 */
public final class FacadeStub {

  private static final WireMockServer SERVER = start();

  private FacadeStub() {}

  /** Returns the running server, which tests reset before each case. */
  public static WireMockServer server() {
    return SERVER;
  }

  /** Returns the base URI to configure as the gateway's facade route. */
  public static String baseUri() {
    return "http://127.0.0.1:" + SERVER.port();
  }

  private static WireMockServer start() {
    WireMockServer server =
        new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "facade-stub-stop"));
    return server;
  }
}
