package org.customerfacade.systemtest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stand-in provider, the facade and the gateway, each started from its executable jar as a
 * separate process on random loopback ports, wired to each other as in a local run.
 *
 * <p>The jars are named by the system properties {@code standin.jar}, {@code facade.jar} and {@code
 * gateway.jar}, and the services' logs go to the folder named by {@code logs.dir}.
 */
public final class ServiceStack implements AutoCloseable {

  private ServiceProcess standin;
  private ServiceProcess facade;
  private ServiceProcess gateway;
  private String standinAdminUrl;
  private String gatewayUrl;
  private String facadeManagementUrl;

  private ServiceStack() {}

  /**
   * Starts the three services and waits until each reports UP. When one fails to start, stops those
   * already running and throws.
   */
  public static ServiceStack start() throws IOException, InterruptedException {
    ServiceStack stack = new ServiceStack();
    try {
      EndpointPorts endpoints = stack.startStandin();
      int facadePort = stack.startFacade(endpoints);
      stack.startGateway(facadePort);
      return stack;
    } catch (IOException | RuntimeException failure) {
      stack.close();
      throw failure;
    }
  }

  /** Returns the gateway's base URL, such as {@code http://127.0.0.1:40123}. */
  public String gatewayUrl() {
    return gatewayUrl;
  }

  /**
   * Returns the base URL of the facade's management port, such as {@code http://127.0.0.1:40124}.
   */
  public String facadeManagementUrl() {
    return facadeManagementUrl;
  }

  /** Returns the log file of each service that started, by service name, in start order. */
  public Map<String, Path> logFiles() {
    Map<String, Path> logs = new LinkedHashMap<>();
    for (ServiceProcess service : new ServiceProcess[] {standin, facade, gateway}) {
      if (service != null) {
        logs.put(service.name(), service.log());
      }
    }
    return logs;
  }

  /** Returns the base URL of the stand-in's admin API, which injects faults into endpoints. */
  public String standinAdminUrl() {
    return standinAdminUrl;
  }

  private EndpointPorts startStandin() throws IOException {
    int admin = ServiceProcess.freePort();
    EndpointPorts ports =
        new EndpointPorts(
            ServiceProcess.freePort(),
            ServiceProcess.freePort(),
            ServiceProcess.freePort(),
            ServiceProcess.freePort());
    standinAdminUrl = loopback(admin);
    standin =
        ServiceProcess.start(
            "provider-standin",
            "standin.jar",
            standinAdminUrl + "/actuator/health",
            "--server.port=" + admin,
            "--standin.instances.eu.endpoints[0].name=eu-1",
            "--standin.instances.eu.endpoints[0].port=" + ports.eu1(),
            "--standin.instances.eu.endpoints[1].name=eu-2",
            "--standin.instances.eu.endpoints[1].port=" + ports.eu2(),
            "--standin.instances.us.endpoints[0].name=us-1",
            "--standin.instances.us.endpoints[0].port=" + ports.us1(),
            "--standin.instances.sandbox.endpoints[0].name=sandbox-1",
            "--standin.instances.sandbox.endpoints[0].port=" + ports.sandbox1());
    return ports;
  }

  private int startFacade(EndpointPorts endpoints) throws IOException {
    int port = ServiceProcess.freePort();
    int management = ServiceProcess.freePort();
    facadeManagementUrl = loopback(management);
    facade =
        ServiceProcess.start(
            "facade-service",
            "facade.jar",
            loopback(management) + "/actuator/health",
            "--server.port=" + port,
            "--management.server.port=" + management,
            "--facade.routing.regions.eu.production[0]=" + loopback(endpoints.eu1()),
            "--facade.routing.regions.eu.production[1]=" + loopback(endpoints.eu2()),
            "--facade.routing.regions.eu.sandbox[0]=" + loopback(endpoints.sandbox1()),
            "--facade.routing.regions.us.production[0]=" + loopback(endpoints.us1()));
    return port;
  }

  private void startGateway(int facadePort) throws IOException {
    int port = ServiceProcess.freePort();
    int management = ServiceProcess.freePort();
    gatewayUrl = loopback(port);
    gateway =
        ServiceProcess.start(
            "gateway",
            "gateway.jar",
            loopback(management) + "/actuator/health",
            "--server.port=" + port,
            "--management.server.port=" + management,
            "--FACADE_URI=" + loopback(facadePort));
  }

  private static String loopback(int port) {
    return "http://127.0.0.1:" + port;
  }

  /** Ports of the stand-in's provider endpoints, named as in its configuration. */
  private record EndpointPorts(int eu1, int eu2, int us1, int sandbox1) {}

  /** Stops the services in the reverse order of their start. */
  @Override
  public void close() throws InterruptedException {
    for (ServiceProcess service : new ServiceProcess[] {gateway, facade, standin}) {
      if (service != null) {
        service.close();
      }
    }
  }
}
