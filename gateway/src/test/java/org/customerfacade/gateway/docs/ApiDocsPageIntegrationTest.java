package org.customerfacade.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.customerfacade.gateway.GatewayIntegrationTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Opens the API page in headless Chromium, checks that Swagger UI lists every operation of the
 * spec, and saves a picture of the page as target/docs-page.png.
 */
class ApiDocsPageIntegrationTest extends GatewayIntegrationTestSupport {

  static final Path SCREENSHOT = Path.of("target", "docs-page.png");

  @TempDir static Path workFolder;

  private static HeadlessChromium chromium;

  @LocalServerPort private int port;

  @BeforeAll
  static void findChromium() {
    chromium = HeadlessChromium.find(workFolder);
  }

  @Test
  void pageListsEveryOperation() throws Exception {
    List<SpecOperation> operations = specOperations();

    String dom = chromium.dumpDom(pageUri());

    assertThat(operations).hasSize(5);
    for (SpecOperation operation : operations) {
      String block = operationBlock(dom, operation);
      assertThat(block).as(operation.toString()).contains("data-path=\"" + operation.path() + "\"");
      assertThat(block)
          .as(operation.toString())
          .contains("opblock-summary-method\">" + operation.method() + "<");
    }
  }

  @Test
  void pageDoesNotShowValidatorBadge() throws Exception {
    String dom = chromium.dumpDom(pageUri());

    assertThat(dom).contains("id=\"swagger-ui\"").doesNotContain("validator");
  }

  @Test
  void screenshotIsSaved() throws Exception {
    Files.deleteIfExists(SCREENSHOT);

    chromium.screenshot(pageUri(), SCREENSHOT);

    byte[] picture = Files.readAllBytes(SCREENSHOT);
    assertThat(picture).startsWith(0x89, 'P', 'N', 'G');
    // A blank page of this size is about 8 KB as PNG, and the rendered page about 110 KB.
    assertThat(picture.length).isGreaterThan(30_000);
  }

  private URI pageUri() {
    return URI.create("http://127.0.0.1:" + port + ApiDocsConfiguration.PAGE_PATH);
  }

  /**
   * Returns the part of the DOM from the operation's block, which Swagger UI gives the id {@code
   * operations-<tag>-<operationId>}, to the next operation's block.
   */
  private static String operationBlock(String dom, SpecOperation operation) {
    String id = "id=\"operations-" + operation.tag() + "-" + operation.operationId() + "\"";
    int start = dom.indexOf(id);
    assertThat(start).as("block %s of %s on the page", id, operation).isNotNegative();

    int end = dom.indexOf("id=\"operations-", start + id.length());
    return dom.substring(start, end < 0 ? dom.length() : end);
  }

  private static List<SpecOperation> specOperations() {
    OpenAPI api = new OpenAPIV3Parser().read("openapi/customer-api.yaml");
    List<SpecOperation> operations = new ArrayList<>();
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> entry :
          path.getValue().readOperationsMap().entrySet()) {
        Operation operation = entry.getValue();
        operations.add(
            new SpecOperation(
                entry.getKey().name().toUpperCase(Locale.ROOT),
                path.getKey(),
                operation.getTags().get(0),
                operation.getOperationId()));
      }
    }
    return operations;
  }

  private record SpecOperation(String method, String path, String tag, String operationId) {}
}
