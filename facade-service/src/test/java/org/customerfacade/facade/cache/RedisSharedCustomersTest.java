package org.customerfacade.facade.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.customerfacade.facade.MutableClock;
import org.customerfacade.facade.account.Region;
import org.customerfacade.facade.cache.CacheKey.ById;
import org.customerfacade.facade.cache.CacheKey.Scope;
import org.customerfacade.facade.cache.SharedCustomers.SharedCustomer;
import org.customerfacade.server.model.Customer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import redis.embedded.RedisServer;
import tools.jackson.databind.json.JsonMapper;

/** The shared second level on a real Redis, started from the binary that embedded-redis ships. */
class RedisSharedCustomersTest {

  private static final Duration TTL = Duration.ofSeconds(60);
  private static final Duration WAIT = Duration.ofSeconds(5);

  private static RedisServer server;
  private static LettuceConnectionFactory connections;

  private final MutableClock clock = new MutableClock();
  private RedisSharedCustomers shared;

  @BeforeAll
  static void startRedis() throws IOException {
    int port = freePort();
    server = RedisServer.newRedisServer().bind("127.0.0.1").port(port).build();
    server.start();
    connections = connectionsTo(port);
  }

  @AfterAll
  static void stopRedis() throws IOException {
    connections.destroy();
    server.stop();
  }

  @BeforeEach
  void emptyRedis() {
    shared = sharedOver(connections);
    shared.forgetAll().block(WAIT);
  }

  @Test
  void findReturnsStoredCustomerWithItsAge() {
    shared.store(key("eu-demo", 7), customer(7, "Leeds")).block(WAIT);
    clock.advance(Duration.ofSeconds(12));

    SharedCustomer found = shared.find(key("eu-demo", 7)).block(WAIT);

    assertThat(found).isNotNull();
    assertThat(found.customer().getCity()).isEqualTo("Leeds");
    assertThat(found.age()).isEqualTo(Duration.ofSeconds(12));
  }

  @Test
  void findMissesOnceTtlHasPassed() {
    shared.store(key("eu-demo", 7), customer(7, "Leeds")).block(WAIT);
    clock.advance(TTL);

    assertThat(shared.find(key("eu-demo", 7)).block(WAIT)).isNull();
  }

  @Test
  void offerKeepsCopyAlreadyShared() {
    shared.store(key("eu-demo", 7), customer(7, "York")).block(WAIT);

    shared.offer(key("eu-demo", 7), customer(7, "Leeds")).block(WAIT);

    assertThat(shared.find(key("eu-demo", 7)).block(WAIT).customer().getCity()).isEqualTo("York");
  }

  @Test
  void offerSharesCustomerNobodyHeld() {
    shared.offer(key("eu-demo", 7), customer(7, "Leeds")).block(WAIT);

    assertThat(shared.find(key("eu-demo", 7)).block(WAIT).customer().getCity()).isEqualTo("Leeds");
  }

  @Test
  void forgetHidesCustomerAndRefusesLateOffers() {
    shared.store(key("eu-demo", 7), customer(7, "Leeds")).block(WAIT);

    shared.forget("eu-demo", 7).block(WAIT);
    shared.offer(key("eu-demo", 7), customer(7, "Leeds")).block(WAIT);

    assertThat(shared.find(key("eu-demo", 7)).block(WAIT)).isNull();
  }

  @Test
  void storeAfterForgetSharesAgain() {
    shared.forget("eu-demo", 7).block(WAIT);

    shared.store(key("eu-demo", 7), customer(7, "York")).block(WAIT);

    assertThat(shared.find(key("eu-demo", 7)).block(WAIT).customer().getCity()).isEqualTo("York");
  }

  @Test
  void regionsDoNotShareCopies() {
    ById euCopy = key("eu-demo", 7);
    ById usCopy = new ById(new Scope("eu-demo", Region.US, "2.0"), 7);
    shared.store(euCopy, customer(7, "Leeds")).block(WAIT);

    SharedCustomer fromUs = shared.find(usCopy).block(WAIT);

    assertThat(fromUs).isNull();
  }

  @Test
  void forgetHidesCustomerInEveryRegion() {
    ById usCopy = new ById(new Scope("eu-demo", Region.US, "2.0"), 7);
    shared.store(key("eu-demo", 7), customer(7, "Leeds")).block(WAIT);
    shared.store(usCopy, customer(7, "Austin")).block(WAIT);

    shared.forget("eu-demo", 7).block(WAIT);

    assertThat(shared.find(key("eu-demo", 7)).block(WAIT)).isNull();
    assertThat(shared.find(usCopy).block(WAIT)).isNull();
  }

  @Test
  void forgetAccountDropsOnlyThatAccount() {
    shared.store(key("eu-demo", 7), customer(7, "Leeds")).block(WAIT);
    shared.store(key("eu-demo-2", 7), customer(7, "York")).block(WAIT);
    shared.store(key("us-demo", 8), customer(8, "Austin")).block(WAIT);

    shared.forgetAccount("eu-demo").block(WAIT);
    shared.forgetAccount("us*").block(WAIT);

    assertThat(shared.find(key("eu-demo", 7)).block(WAIT)).isNull();
    assertThat(shared.find(key("eu-demo-2", 7)).block(WAIT)).isNotNull();
    assertThat(shared.find(key("us-demo", 8)).block(WAIT)).isNotNull();
  }

  @Test
  void customFieldsSurviveTheRoundTrip() {
    Customer customer = customer(7, "Leeds");
    customer.putAdditionalProperty("cf_tier", "gold");
    shared.store(key("eu-demo", 7), customer).block(WAIT);

    Customer found = shared.find(key("eu-demo", 7)).block(WAIT).customer();

    assertThat(found.getAdditionalProperties()).containsEntry("cf_tier", "gold");
  }

  @Test
  void redisDownMeansMissAndDroppedWrites() throws IOException {
    LettuceConnectionFactory nowhere = connectionsTo(freePort());
    try {
      RedisSharedCustomers unreachable = sharedOver(nowhere);

      unreachable.store(key("eu-demo", 7), customer(7, "Leeds")).block(WAIT);

      assertThat(unreachable.find(key("eu-demo", 7)).block(WAIT)).isNull();
    } finally {
      nowhere.destroy();
    }
  }

  private RedisSharedCustomers sharedOver(LettuceConnectionFactory factory) {
    CacheProperties properties = new CacheProperties();
    properties.setTtl(TTL);
    // Generous, so that a busy machine does not turn a slow read into a miss.
    properties.getRedis().setReadTimeout(WAIT);
    return new RedisSharedCustomers(
        new ReactiveStringRedisTemplate(factory), JsonMapper.builder().build(), clock, properties);
  }

  private static LettuceConnectionFactory connectionsTo(int port) {
    LettuceConnectionFactory factory =
        new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
    factory.afterPropertiesSet();
    factory.start();
    return factory;
  }

  private static ById key(String account, long id) {
    return new ById(new Scope(account, Region.EU, "2.0"), id);
  }

  private static Customer customer(long id, String city) {
    return new Customer().id(id).firstName("Grace").city(city);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
