package org.customerfacade.polyglot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.customerfacade.systemtest.ServiceStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starts the stand-in provider, the facade and the gateway once, then runs the TypeScript and the
 * Python scenario against the gateway, each with the client generated for its language. Each runs
 * once with the demo token, and once with a token the gateway rejects, which the scenario must
 * report as a failed step.
 */
class PolyglotClientsIntegrationTest {

  private static final String DEMO_TOKEN = "demo-app-local-token";
  private static final String UNKNOWN_TOKEN = "token-the-gateway-does-not-know";
  private static final Duration SCENARIO_TIMEOUT = Duration.ofSeconds(60);
  private static final List<String> STEPS =
      List.of("create", "read", "cache hit", "update", "find by email", "delete", "invalid email");
  private static final Path LOGS = Path.of(System.getProperty("logs.dir", "target/service-logs"));

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

  @Test
  void typescriptScenarioPasses() throws Exception {
    ScenarioProcess run = runTypescript(DEMO_TOKEN, "typescript-scenario.log");

    assertPassed(run, "TypeScript scenario passed");
  }

  @Test
  void typescriptScenarioFailsOnRejectedToken() throws Exception {
    ScenarioProcess run = runTypescript(UNKNOWN_TOKEN, "typescript-scenario-rejected.log");

    assertFailedWith401(run);
  }

  @Test
  void pythonScenarioPasses() throws Exception {
    ScenarioProcess run = runPython(DEMO_TOKEN, "python-scenario.log");

    assertPassed(run, "Python scenario passed");
  }

  @Test
  void pythonScenarioFailsOnRejectedToken() throws Exception {
    ScenarioProcess run = runPython(UNKNOWN_TOKEN, "python-scenario-rejected.log");

    assertFailedWith401(run);
  }

  private static ScenarioProcess runTypescript(String token, String log) throws Exception {
    List<String> command =
        List.of(
            property("node.executable"),
            property("typescript.scenario"),
            stack.gatewayUrl(),
            token);
    return ScenarioProcess.run(command, Map.of(), LOGS.resolve(log), SCENARIO_TIMEOUT);
  }

  private static ScenarioProcess runPython(String token, String log) throws Exception {
    List<String> command =
        List.of(
            property("python.executable"), property("python.scenario"), stack.gatewayUrl(), token);
    Map<String, String> environment =
        Map.of("PYTHONPATH", property("python.client"), "PYTHONDONTWRITEBYTECODE", "1");
    return ScenarioProcess.run(command, environment, LOGS.resolve(log), SCENARIO_TIMEOUT);
  }

  private static void assertFailedWith401(ScenarioProcess run) {
    assertThat(run.exitCode()).as("exit code; output:%n%s", run.output()).isEqualTo(1);
    assertThat(run.output()).contains("FAIL create: ProblemError: 401 Unauthorized");
    assertThat(run.output()).doesNotContain("PASS");
  }

  private static void assertPassed(ScenarioProcess run, String summary) {
    assertThat(run.exitCode()).as("exit code; output:%n%s", run.output()).isZero();
    for (String step : STEPS) {
      assertThat(run.output()).as("output names step '%s'", step).contains("PASS " + step + ":");
    }
    assertThat(run.output()).contains(summary);
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "System property " + name + " is not set; run the tests with './mvnw verify'");
    }
    return value;
  }
}
