package org.customerfacade.facade;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Arrays;
import org.customerfacade.facade.account.Account;
import org.customerfacade.facade.account.AccountResolver;
import org.customerfacade.facade.cache.CacheDirectives;
import org.customerfacade.facade.cache.CustomerCache;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import redis.embedded.RedisServer;

/**
 * Measures how long an update through replica A takes to evict the customer from replica B's cache,
 * with both replicas in this JVM, one embedded Redis and a WireMock provider on loopback. Run it
 * with bench/invalidation-delay; it is not a test.
 *
 * <p>Each round caches customer 7 on B, sends a PUT through A, and polls B's cache in process until
 * the entry is gone. The delay runs from sending the PUT to the eviction, so it includes A's
 * provider call; the output also gives how many evictions were complete when A answered.
 */
public final class InvalidationDelayBenchmark {

  private static final String CUSTOMER = "{\"id\":7,\"first_name\":\"Grace\",\"city\":\"York\"}";
  private static final CacheDirectives ONLY_IF_CACHED =
      new CacheDirectives(false, false, null, true);

  private InvalidationDelayBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int warmUpRounds = 50;
    WireMockServer provider = new WireMockServer(wireMockConfig().dynamicPort());
    provider.start();
    provider.stubFor(get(urlEqualTo("/customer/7")).willReturn(okJson(CUSTOMER)));
    provider.stubFor(put(urlEqualTo("/customer/7")).willReturn(okJson(CUSTOMER)));
    int redisPort = RedisReplicasIntegrationTest.freePort();
    RedisServer redis = RedisReplicasIntegrationTest.startRedis(redisPort);
    ConfigurableApplicationContext replicaA =
        RedisReplicasIntegrationTest.startReplica(
            provider.baseUrl(), redisPort, "--logging.level.root=WARN");
    ConfigurableApplicationContext replicaB =
        RedisReplicasIntegrationTest.startReplica(
            provider.baseUrl(), redisPort, "--logging.level.root=WARN");
    try {
      long[] delays = new long[rounds];
      long[] afterAnswer = new long[rounds];
      int evictedBeforeAnswer = 0;
      for (int round = -warmUpRounds; round < rounds; round++) {
        long[] sample = measureOnce(replicaA, replicaB);
        if (round >= 0) {
          delays[round] = sample[0];
          afterAnswer[round] = sample[1];
          evictedBeforeAnswer += sample[1] == 0 ? 1 : 0;
        }
      }
      report("from-PUT-sent", delays);
      report("after-PUT-answered", afterAnswer);
      System.out.printf("evicted-before-PUT-answered=%d of %d%n", evictedBeforeAnswer, rounds);
    } finally {
      replicaA.close();
      replicaB.close();
      redis.stop();
      provider.stop();
    }
  }

  /**
   * Returns the nanoseconds from sending the PUT to the eviction on B, and from A's response to the
   * eviction, which is 0 when B had evicted before A responded.
   */
  private static long[] measureOnce(
      ConfigurableApplicationContext replicaA, ConfigurableApplicationContext replicaB) {
    WebClient clientA = client(replicaA);
    client(replicaB)
        .get()
        .uri("/customer/7")
        .headers(h -> headers(h))
        .retrieve()
        .toBodilessEntity()
        .block();
    if (!cached(replicaB)) {
      throw new IllegalStateException("Replica B did not cache customer 7 before the update");
    }

    long start = System.nanoTime();
    clientA
        .put()
        .uri("/customer/7")
        .headers(h -> headers(h))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"city\":\"York\"}")
        .retrieve()
        .toBodilessEntity()
        .block();
    long answered = System.nanoTime();
    boolean evictedBeforeAnswer = !cached(replicaB);
    while (cached(replicaB)) {
      Thread.onSpinWait();
    }
    long evicted = System.nanoTime();
    return new long[] {evicted - start, evictedBeforeAnswer ? 0 : evicted - answered};
  }

  private static boolean cached(ConfigurableApplicationContext replica) {
    Account account =
        replica.getBean(AccountResolver.class).accounts().stream()
            .filter(each -> each.name().equals("eu-demo"))
            .findFirst()
            .orElseThrow();
    return Boolean.TRUE.equals(
        replica
            .getBean(CustomerCache.class)
            .retrieve(account, "2.0", 7, ONLY_IF_CACHED, Mono::empty)
            .map(read -> true)
            .onErrorReturn(false)
            .block());
  }

  private static void report(String name, long[] delays) {
    Arrays.sort(delays);
    System.out.printf(
        "%s p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms%n",
        name,
        millis(delays, 0.50),
        millis(delays, 0.90),
        millis(delays, 0.99),
        delays[delays.length - 1] / 1e6);
  }

  private static double millis(long[] sorted, double quantile) {
    int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  private static void headers(org.springframework.http.HttpHeaders headers) {
    headers.set("X-Consumer-Id", "tester");
    headers.set(GatewaySecretHeader.NAME, GatewaySecretHeader.DEMO_VALUE);
    headers.set("x-api-version", "2.0");
  }

  private static WebClient client(ConfigurableApplicationContext replica) {
    return WebClient.create(
        "http://127.0.0.1:" + replica.getEnvironment().getProperty("local.server.port"));
  }
}
