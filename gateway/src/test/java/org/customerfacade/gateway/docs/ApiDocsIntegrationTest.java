package org.customerfacade.gateway.docs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.customerfacade.gateway.GatewayIntegrationTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;

class ApiDocsIntegrationTest extends GatewayIntegrationTestSupport {

  @BeforeEach
  void stubFacade() {
    facade.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("[]")));
  }

  @Test
  void pageIsServedWithoutToken() {
    String page =
        client
            .get()
            .uri(ApiDocsConfiguration.PAGE_PATH)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectHeader()
            .valueEquals("Content-Security-Policy", ApiDocsConfiguration.CONTENT_SECURITY_POLICY)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(page).contains("swagger-ui-bundle.js").contains("swagger-initializer.js");
    assertThat(facade.getAllServeEvents()).isEmpty();
  }

  @Test
  void specIsServedUnchanged() throws IOException {
    byte[] spec = new ClassPathResource("openapi/customer-api.yaml").getContentAsByteArray();

    byte[] served =
        client
            .get()
            .uri(ApiDocsConfiguration.SPEC_PATH)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith("application/yaml")
            .expectBody()
            .returnResult()
            .getResponseBody();

    assertThat(served).isEqualTo(spec);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ApiDocsConfiguration.INITIALIZER_PATH,
        ApiDocsConfiguration.SWAGGER_UI_PATH + "swagger-ui.css",
        ApiDocsConfiguration.SWAGGER_UI_PATH + "swagger-ui-bundle.js",
        ApiDocsConfiguration.SWAGGER_UI_PATH + "favicon-16x16.png",
        ApiDocsConfiguration.SWAGGER_UI_PATH + "favicon-32x32.png"
      })
  void pageAssetIsServedWithoutToken(String path) {
    byte[] body =
        client
            .mutate()
            // Swagger UI's bundle is about 1.7 MB, above WebTestClient's default of 256 KB.
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
            .build()
            .get()
            .uri(path)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("X-Content-Type-Options", "nosniff")
            .expectBody()
            .returnResult()
            .getResponseBody();

    assertThat(body).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/docs/",
        "/docs/index.html",
        "/docs/swagger-ui/index.html",
        "/docs/swagger-ui/swagger-initializer.js",
        "/docs/swagger-ui/",
        "/openapi/other.yaml",
        "/openapi/",
        "/webjars/swagger-ui/index.html",
        "/swagger-ui.html",
        "/v3/api-docs"
      })
  void otherPathIsNotFound(String path) {
    client
        .get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);

    assertThat(facade.getAllServeEvents()).isEmpty();
  }

  @Test
  void postToPageIsNotServed() {
    client.post().uri(ApiDocsConfiguration.PAGE_PATH).exchange().expectStatus().isNotFound();

    assertThat(facade.getAllServeEvents()).isEmpty();
  }

  @Test
  void customerApiStillRequiresToken() {
    client.get().uri("/customer/1").exchange().expectStatus().isUnauthorized();

    assertThat(facade.getAllServeEvents()).isEmpty();
  }

  @Test
  void pageReferencesOnlyGatewayPaths() throws IOException {
    String page = new ClassPathResource("docs/index.html").getContentAsString(UTF_8);
    Matcher references = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(page);

    int count = 0;
    while (references.find()) {
      assertThat(references.group(1)).startsWith("/docs/");
      count++;
    }

    assertThat(count).isEqualTo(4);
  }
}
