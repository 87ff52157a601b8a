package org.customerfacade.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's headless Chromium on a page of a server on loopback. Every run gets a new profile
 * folder and flags that turn off Chromium's own background requests, such as component updates and
 * sync. Every host name except 127.0.0.1 resolves to nothing, so the page cannot load anything from
 * another host either.
 */
final class HeadlessChromium {

  /** System property that overrides the path of the Chromium executable. */
  static final String EXECUTABLE_PROPERTY = "chromium.executable";

  private static final String DEFAULT_EXECUTABLE = "/usr/bin/chromium";

  /** Time Chromium lets the page's scripts and requests run before it takes the DOM or picture. */
  private static final int VIRTUAL_TIME_BUDGET_MILLISECONDS = 15_000;

  private static final long RUN_TIMEOUT_SECONDS = 120;

  private final Path executable;
  private final Path workFolder;

  private HeadlessChromium(Path executable, Path workFolder) {
    this.executable = executable;
    this.workFolder = workFolder;
  }

  /** Finds Chromium, and fails the calling test with the install command when it is missing. */
  static HeadlessChromium find(Path workFolder) {
    Path executable = Path.of(System.getProperty(EXECUTABLE_PROPERTY, DEFAULT_EXECUTABLE));
    if (!Files.isExecutable(executable)) {
      fail(
          "Headless Chromium was not found at %s. The API page test needs it: install the Debian"
              + " package with 'apt-get install -y --no-install-recommends chromium', or set -D%s"
              + " to another Chromium executable.",
          executable, EXECUTABLE_PROPERTY);
    }
    return new HeadlessChromium(executable, workFolder);
  }

  /** Returns the page's DOM after its scripts have run. */
  String dumpDom(URI page) throws IOException, InterruptedException {
    Path dom = workFolder.resolve("dom.html");
    run(List.of("--dump-dom", page.toString()), dom);
    return Files.readString(dom);
  }

  /** Saves a PNG picture of the page, 1280 pixels wide, after its scripts have run. */
  void screenshot(URI page, Path picture) throws IOException, InterruptedException {
    Files.createDirectories(picture.toAbsolutePath().getParent());
    run(
        List.of(
            "--hide-scrollbars",
            "--window-size=1280,1400",
            "--screenshot=" + picture.toAbsolutePath(),
            page.toString()),
        workFolder.resolve("screenshot.out"));
  }

  private void run(List<String> arguments, Path output) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(workFolder, "profile-");
    Path log = workFolder.resolve("chromium.log");
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            "--user-data-dir=" + profile,
            "--virtual-time-budget=" + VIRTUAL_TIME_BUDGET_MILLISECONDS));
    command.addAll(arguments);

    Process chromium =
        new ProcessBuilder(command)
            .redirectOutput(output.toFile())
            .redirectError(log.toFile())
            .start();
    if (!chromium.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      chromium.destroyForcibly().waitFor();
      fail("Chromium did not finish within %d s. Its log: %s", RUN_TIMEOUT_SECONDS, log);
    }

    assertThat(chromium.exitValue()).as("Chromium's exit status; its log: %s", log).isZero();
  }
}
