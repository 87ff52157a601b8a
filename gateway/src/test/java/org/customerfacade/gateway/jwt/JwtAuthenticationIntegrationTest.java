package org.customerfacade.gateway.jwt;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.customerfacade.gateway.GatewayIntegrationTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * JWTs signed with a key generated here; a WireMock server on loopback plays the identity provider
 * and serves its public key as the JWKS.
 */
class JwtAuthenticationIntegrationTest extends GatewayIntegrationTestSupport {

  private static final WireMockServer IDENTITY_PROVIDER = started();
  private static final String ISSUER = "http://127.0.0.1/test-identity-provider";
  private static final String AUDIENCE = "customer-api";
  private static final RSAKey SIGNING_KEY = generateKey("signing-key");
  private static final RSAKey FOREIGN_KEY = generateKey("signing-key");

  @DynamicPropertySource
  static void jwtProperties(DynamicPropertyRegistry registry) {
    registry.add("edge.jwt.enabled", () -> "true");
    registry.add("edge.jwt.issuer-uri", () -> ISSUER);
    registry.add("edge.jwt.jwk-set-uri", () -> IDENTITY_PROVIDER.baseUrl() + "/jwks.json");
    registry.add("edge.jwt.audience", () -> AUDIENCE);
  }

  @BeforeEach
  void stubServers() {
    facade.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
    IDENTITY_PROVIDER.resetAll();
    IDENTITY_PROVIDER.stubFor(
        get("/jwks.json").willReturn(okJson(new JWKSet(SIGNING_KEY.toPublicJWK()).toString())));
  }

  @Test
  void readScopeCanRead() {
    String token = sign(SIGNING_KEY, claims("reporting-service", "customer:read").build());

    read(token).expectStatus().isOk();

    facade.verify(
        1,
        getRequestedFor(urlEqualTo("/customer/1"))
            .withHeader("X-Consumer-Id", equalTo("reporting-service")));
  }

  @Test
  void readScopeCannotCreate() {
    String token = sign(SIGNING_KEY, claims("reporting-service", "customer:read").build());

    create(token).expectStatus().isForbidden();

    assertThat(facade.getAllServeEvents()).isEmpty();
  }

  @Test
  void writeScopeCanCreate() {
    String token = sign(SIGNING_KEY, claims("crm-service", "customer:read customer:write").build());

    create(token).expectStatus().isOk();

    assertThat(facade.getAllServeEvents()).hasSize(1);
  }

  @Test
  void expiredTokenIs401() {
    Instant past = Instant.now().minus(Duration.ofHours(2));
    JWTClaimsSet expired =
        claims("reporting-service", "customer:read")
            .issueTime(Date.from(past))
            .expirationTime(Date.from(past.plus(Duration.ofMinutes(5))))
            .build();

    assertRejected(sign(SIGNING_KEY, expired));
  }

  @Test
  void wrongIssuerIs401() {
    JWTClaimsSet claims =
        claims("reporting-service", "customer:read").issuer("http://127.0.0.1/other").build();

    assertRejected(sign(SIGNING_KEY, claims));
  }

  @Test
  void wrongAudienceIs401() {
    JWTClaimsSet claims =
        claims("reporting-service", "customer:read").audience("another-api").build();

    assertRejected(sign(SIGNING_KEY, claims));
  }

  @Test
  void foreignSignatureIs401() {
    assertRejected(sign(FOREIGN_KEY, claims("reporting-service", "customer:read").build()));
  }

  @Test
  void unusableConsumerClaimIs401() {
    assertRejected(sign(SIGNING_KEY, claims("bad id\"with quotes", "customer:read").build()));
  }

  @Test
  void unavailableKeysAre503() {
    IDENTITY_PROVIDER.resetAll();
    IDENTITY_PROVIDER.stubFor(get("/jwks.json").willReturn(aResponse().withStatus(500)));
    RSAKey rotated = generateKey("rotated-key");

    read(sign(rotated, claims("reporting-service", "customer:read").build()))
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);

    assertThat(facade.getAllServeEvents()).isEmpty();
  }

  @Test
  void staticTokensStillWork() {
    read(DEMO_APP_TOKEN).expectStatus().isOk();

    facade.verify(
        1,
        getRequestedFor(urlEqualTo("/customer/1"))
            .withHeader("X-Consumer-Id", equalTo("demo-app")));
  }

  private void assertRejected(String token) {
    read(token)
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals("WWW-Authenticate", "Bearer realm=\"customer-api\", error=\"invalid_token\"")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("JWT").doesNotContain(token));

    assertThat(facade.getAllServeEvents()).isEmpty();
  }

  private WebTestClient.ResponseSpec create(String token) {
    return client
        .post()
        .uri("/customer")
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange();
  }

  private WebTestClient.ResponseSpec read(String token) {
    return client.get().uri("/customer/1").header("Authorization", "Bearer " + token).exchange();
  }

  private static JWTClaimsSet.Builder claims(String subject, String scope) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject(subject)
        .audience(List.of(AUDIENCE))
        .claim("scope", scope)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
  }

  private static String sign(RSAKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("Signing a test JWT failed", e);
    }
  }

  private static RSAKey generateKey(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("Generating a test RSA key failed", e);
    }
  }

  private static WireMockServer started() {
    WireMockServer server =
        new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "identity-provider-stop"));
    return server;
  }
}
