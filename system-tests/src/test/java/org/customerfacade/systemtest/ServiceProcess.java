package org.customerfacade.systemtest;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One of the project's services, started from its executable jar as a separate JVM. */
final class ServiceProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final String name;
  private final Path log;
  private final Process process;

  private ServiceProcess(String name, Path log, Process process) {
    this.name = name;
    this.log = log;
    this.process = process;
  }

  /**
   * Starts the jar named by the system property {@code jarProperty} with the given Spring
   * arguments, and waits until {@code healthUrl} reports UP.
   */
  static ServiceProcess start(String name, String jarProperty, String healthUrl, String... args)
      throws IOException {
    Path jar = Path.of(System.getProperty(jarProperty));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing; run the tests with './mvnw verify' so the services are packaged");
    }
    Path logs = Path.of(System.getProperty("logs.dir", "target/service-logs"));
    Files.createDirectories(logs);
    Path log = logs.resolve(name + ".log");

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();

    ServiceProcess service = new ServiceProcess(name, log, process);
    service.awaitHealthy(healthUrl);
    return service;
  }

  /** Returns a free TCP port on loopback. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  private void awaitHealthy(String healthUrl) {
    await(name + " to report UP at " + healthUrl)
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> exitedEarly() || isUp(healthUrl));
    if (exitedEarly()) {
      throw new IllegalStateException(
          name + " exited with status " + process.exitValue() + " during start-up; see " + log);
    }
  }

  private boolean exitedEarly() {
    return !process.isAlive();
  }

  private static boolean isUp(String healthUrl) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(healthUrl)).timeout(Duration.ofSeconds(1)).build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"UP\"");
    } catch (IOException notYetListening) {
      return false;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
