package org.customerfacade.polyglot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A scenario program in another language, run to completion as a child process. */
record ScenarioProcess(int exitCode, String output) {

  /**
   * Runs {@code command} with the extra environment variables, writing its standard output and
   * error to {@code log}, and returns its exit code and output. Kills the process and throws when
   * it runs longer than {@code timeout}.
   */
  static ScenarioProcess run(
      List<String> command, Map<String, String> environment, Path log, Duration timeout)
      throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);

    Process process = builder.start();
    boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);

    if (!finished) {
      process.destroyForcibly().waitFor();
      throw new AssertionError(
          command.get(0)
              + " did not finish within "
              + timeout.toSeconds()
              + " s; output:\n"
              + read(log));
    }
    return new ScenarioProcess(process.exitValue(), read(log));
  }

  private static String read(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }
}
