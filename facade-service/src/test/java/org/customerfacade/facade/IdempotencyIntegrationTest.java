package org.customerfacade.facade;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class IdempotencyIntegrationTest extends FacadeIntegrationTest {

  private static final String BODY = "{\"first_name\":\"Ada\",\"email\":\"ada@example.com\"}";
  private static final String CREATED = "{\"id\":41,\"first_name\":\"Ada\"}";
  private static final String REPLAYED = "Idempotent-Replayed";

  @Test
  void repeatReturnsFirstResult() {
    euPrimary.stubFor(post(urlEqualTo("/customer")).willReturn(okJson(CREATED).withStatus(201)));
    create("key-1", BODY).expectStatus().isCreated().expectHeader().valueEquals(REPLAYED, "false");

    create("key-1", BODY)
        .expectStatus()
        .isCreated()
        .expectHeader()
        .valueEquals(REPLAYED, "true")
        .expectBody()
        .jsonPath("$.id")
        .isEqualTo(41);

    euPrimary.verify(1, postRequestedFor(urlEqualTo("/customer")));
  }

  @Test
  void reorderedBodyCountsAsSame() {
    euPrimary.stubFor(post(urlEqualTo("/customer")).willReturn(okJson(CREATED).withStatus(201)));
    create("key-2", BODY).expectStatus().isCreated();

    create("key-2", "{\"email\":\"ada@example.com\",\"first_name\":\"Ada\"}")
        .expectStatus()
        .isCreated();

    euPrimary.verify(1, postRequestedFor(urlEqualTo("/customer")));
  }

  @Test
  void differentBodyIs422() {
    euPrimary.stubFor(post(urlEqualTo("/customer")).willReturn(okJson(CREATED).withStatus(201)));
    create("key-3", BODY).expectStatus().isCreated();

    create("key-3", "{\"first_name\":\"Grace\"}")
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].pointer")
        .isEqualTo("Idempotency-Key")
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("key-3", "different request body"));

    euPrimary.verify(1, postRequestedFor(urlEqualTo("/customer")));
  }

  @Test
  void keyIsScopedToAccount() {
    euPrimary.stubFor(post(urlEqualTo("/customer")).willReturn(okJson(CREATED).withStatus(201)));
    us.stubFor(post(urlEqualTo("/customer")).willReturn(okJson(CREATED).withStatus(201)));
    create("key-4", BODY).expectStatus().isCreated();

    createRequest("us-demo")
        .header("Idempotency-Key", "key-4")
        .bodyValue(BODY)
        .exchange()
        .expectStatus()
        .isCreated()
        .expectHeader()
        .valueEquals(REPLAYED, "false");

    euPrimary.verify(1, postRequestedFor(urlEqualTo("/customer")));
    us.verify(1, postRequestedFor(urlEqualTo("/customer")));
  }

  @Test
  void failedCreateFreesKey() {
    euPrimary.stubFor(post(urlEqualTo("/customer")).willReturn(serverError()));
    create("key-5", BODY).expectStatus().isEqualTo(502);
    euPrimary.stubFor(post(urlEqualTo("/customer")).willReturn(okJson(CREATED).withStatus(201)));

    create("key-5", BODY).expectStatus().isCreated().expectHeader().valueEquals(REPLAYED, "false");

    euPrimary.verify(2, postRequestedFor(urlEqualTo("/customer")));
  }

  @Test
  void keyExpiresAfterTtl() {
    euPrimary.stubFor(post(urlEqualTo("/customer")).willReturn(okJson(CREATED).withStatus(201)));
    create("key-6", BODY).expectStatus().isCreated();
    clock.advance(Duration.ofHours(23));
    create("key-6", BODY).expectStatus().isCreated().expectHeader().valueEquals(REPLAYED, "true");

    clock.advance(Duration.ofHours(2));

    create("key-6", BODY).expectStatus().isCreated().expectHeader().valueEquals(REPLAYED, "false");
    euPrimary.verify(2, postRequestedFor(urlEqualTo("/customer")));
  }

  @Test
  void concurrentDuplicatesCreateOnce() throws Exception {
    euPrimary.stubFor(
        post(urlEqualTo("/customer"))
            .willReturn(okJson(CREATED).withStatus(201).withFixedDelay(300)));
    ExecutorService callers = Executors.newFixedThreadPool(8);
    List<CompletableFuture<Integer>> statuses = new ArrayList<>();

    try {
      for (int i = 0; i < 8; i++) {
        statuses.add(
            CompletableFuture.supplyAsync(
                () -> create("key-7", BODY).returnResult(String.class).getStatus().value(),
                callers));
      }
      CompletableFuture.allOf(statuses.toArray(CompletableFuture[]::new)).get();
    } finally {
      callers.shutdownNow();
    }

    assertThat(statuses).allSatisfy(status -> assertThat(status.get()).isEqualTo(201));
    euPrimary.verify(1, postRequestedFor(urlEqualTo("/customer")));
  }

  @Test
  void invalidKeyIs400() {
    create("x".repeat(256), BODY)
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].pointer")
        .isEqualTo("Idempotency-Key");

    euPrimary.verify(0, postRequestedFor(urlEqualTo("/customer")));
  }

  private WebTestClient.ResponseSpec create(String key, String body) {
    return createRequest("eu-demo").header("Idempotency-Key", key).bodyValue(body).exchange();
  }
}
