package org.customerfacade.facade.idempotency;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.customerfacade.facade.account.Account;
import org.customerfacade.facade.problem.FacadeProblem;
import org.customerfacade.server.model.Customer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps idempotency keys in Redis, shared by every replica.
 *
 * <p>The first request for a key stores a pending record with {@code SET NX} before it sends the
 * create, so a repeat on any replica finds it. A repeat polls the record until the create has
 * stored its result, for at most {@code facade.idempotency.pending-wait}. A failed create deletes
 * the record, so the caller may send it again.
 */
class RedisIdempotentCreates implements IdempotentCreates {

  private static final Logger log = LoggerFactory.getLogger(RedisIdempotentCreates.class);
  private static final String PREFIX = "facade:idempotency:";
  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

  private final ReactiveStringRedisTemplate redis;
  private final JsonMapper mapper = JsonMapper.builder().build();
  private final Duration ttl;
  private final Duration pendingWait;

  /**
   * Lifetime of a pending record. A replica that stops during its create leaves one behind, which
   * would otherwise block the key for the whole TTL. Twice the wait of a repeat outlives any create
   * that the upstream deadline still lets run, as long as that deadline is below the wait.
   */
  private final Duration pendingTtl;

  RedisIdempotentCreates(ReactiveStringRedisTemplate redis, IdempotencyProperties properties) {
    this.redis = redis;
    this.ttl = properties.getTtl();
    this.pendingWait = properties.getPendingWait();
    this.pendingTtl = pendingWait.multipliedBy(2);
  }

  @Override
  public Mono<Outcome> create(
      Account account, String key, Customer body, Supplier<Mono<Customer>> create) {
    Request request =
        new Request(
            account,
            key,
            PREFIX + account.name() + ":" + key,
            RequestFingerprint.of(body),
            create,
            System.nanoTime() + pendingWait.toNanos());
    return claimOrRead(request);
  }

  /** One create with its key, as it moves between claiming, reading and waiting. */
  private record Request(
      Account account,
      String key,
      String redisKey,
      String fingerprint,
      Supplier<Mono<Customer>> create,
      long giveUpNanos) {}

  private Mono<Outcome> claimOrRead(Request request) {
    return redis
        .opsForValue()
        .setIfAbsent(request.redisKey(), record(request.fingerprint(), null), pendingTtl)
        .flatMap(claimed -> claimed ? run(request) : readOrWait(request));
  }

  private Mono<Outcome> readOrWait(Request request) {
    return redis
        .opsForValue()
        .get(request.redisKey())
        .flatMap(stored -> readStored(request, stored))
        // The record vanished because the first create failed, so claim the key again.
        .switchIfEmpty(Mono.defer(() -> claimOrRead(request).map(Optional::of)))
        .flatMap(outcome -> outcome.map(Mono::just).orElseGet(() -> waitAndRetry(request)));
  }

  private Mono<Outcome> waitAndRetry(Request request) {
    if (System.nanoTime() > request.giveUpNanos()) {
      return Mono.error(FacadeProblem.idempotentCreatePending(request.key(), pendingWait));
    }
    return Mono.delay(POLL_INTERVAL).then(Mono.defer(() -> claimOrRead(request)));
  }

  /** Returns the stored outcome, or an empty optional while another request runs the create. */
  private Mono<Optional<Outcome>> readStored(Request request, String stored) {
    JsonNode record = mapper.readTree(stored);
    if (!request.fingerprint().equals(record.path("fingerprint").asString())) {
      return Mono.error(
          FacadeProblem.idempotencyKeyReused(request.key(), request.account().name()));
    }
    JsonNode customer = record.path("customer");
    if (customer.isMissingNode() || customer.isNull()) {
      return Mono.just(Optional.empty());
    }
    log.debug(
        "Account '{}' repeated a create; returning the first result", request.account().name());
    return Mono.just(Optional.of(new Outcome(mapper.treeToValue(customer, Customer.class), true)));
  }

  /**
   * Runs the create detached from the caller, like the in-memory store, and stores its result or
   * deletes the pending record when it fails.
   */
  private Mono<Outcome> run(Request request) {
    String redisKey = request.redisKey();
    Sinks.One<Outcome> result = Sinks.one();
    request
        .create()
        .get()
        .flatMap(
            customer ->
                redis
                    .opsForValue()
                    .set(redisKey, record(request.fingerprint(), customer), ttl)
                    .thenReturn(new Outcome(customer, false)))
        .switchIfEmpty(Mono.error(() -> new IllegalStateException("The create returned nothing")))
        .onErrorResume(error -> redis.delete(redisKey).then(Mono.error(error)))
        .subscribe(result::tryEmitValue, result::tryEmitError);
    return result.asMono();
  }

  private String record(String fingerprint, @Nullable Customer customer) {
    ObjectNode record = mapper.createObjectNode();
    record.put("fingerprint", fingerprint);
    if (customer != null) {
      record.set("customer", mapper.valueToTree(customer));
    }
    return mapper.writeValueAsString(record);
  }
}
