package org.customerfacade.facade.cache;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes this replica's invalidations on a Redis pub/sub channel and applies those of the other
 * replicas to the local cache.
 *
 * <p>When Redis is unreachable the local cache keeps working and the failure is logged once.
 * Lettuce reconnects and subscribes again on its own. Because invalidations sent during the outage
 * are lost, the replica drops its whole local cache when a publish first succeeds again. A
 * heartbeat message, published at a fixed interval, lets a replica that writes nothing notice an
 * outage and its end too.
 */
class RedisInvalidationBus implements InvalidationPublisher, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RedisInvalidationBus.class);

  private final ReactiveStringRedisTemplate redis;
  private final ReactiveRedisMessageListenerContainer listeners;
  private final CaffeineCustomerCache cache;
  private final String channel;
  private final Duration heartbeatInterval;
  private final String origin = UUID.randomUUID().toString();
  private final JsonMapper mapper = JsonMapper.builder().build();
  private final AtomicBoolean degraded = new AtomicBoolean();
  private volatile Disposable subscription;
  private volatile Disposable heartbeat;

  RedisInvalidationBus(
      ReactiveRedisConnectionFactory connections,
      CaffeineCustomerCache cache,
      CacheProperties properties) {
    this.redis = new ReactiveStringRedisTemplate(connections);
    this.listeners = new ReactiveRedisMessageListenerContainer(connections);
    this.cache = cache;
    this.channel = properties.getRedis().getChannel();
    this.heartbeatInterval = properties.getRedis().getHeartbeat();
  }

  @Override
  public void publish(Invalidation invalidation) {
    String message;
    try {
      message = mapper.writeValueAsString(new Envelope(origin, invalidation));
    } catch (JacksonException unexpected) {
      log.error(
          "Could not serialise {} for channel '{}'", invalidation.kind(), channel, unexpected);
      return;
    }
    redis.convertAndSend(channel, message).subscribe(receivers -> recovered(), this::failed);
  }

  private Mono<Void> publishHeartbeat() {
    return Mono.fromCallable(() -> mapper.writeValueAsString(new Envelope(origin, null)))
        .flatMap(message -> redis.convertAndSend(channel, message))
        .doOnNext(receivers -> recovered())
        .onErrorResume(
            error -> {
              failed(error);
              return Mono.empty();
            })
        .then();
  }

  @Override
  public void start() {
    subscription =
        listeners
            .receive(ChannelTopic.of(channel))
            .subscribe(message -> receive(message.getMessage()), this::failed);
    heartbeat =
        Flux.interval(heartbeatInterval, heartbeatInterval)
            .concatMap(tick -> publishHeartbeat())
            .subscribe();
    log.info("Sharing cache invalidations on Redis channel '{}' as replica {}", channel, origin);
  }

  @Override
  public void stop() {
    if (heartbeat != null) {
      heartbeat.dispose();
    }
    if (subscription != null) {
      subscription.dispose();
    }
    listeners.destroy();
  }

  @Override
  public boolean isRunning() {
    return subscription != null && !subscription.isDisposed();
  }

  private void receive(String message) {
    Envelope envelope;
    try {
      envelope = mapper.readValue(message, Envelope.class);
    } catch (JacksonException invalid) {
      log.warn("Ignored an unreadable message on channel '{}'", channel, invalid);
      return;
    }
    Invalidation invalidation = envelope.invalidation();
    if (invalidation != null && !origin.equals(envelope.origin())) {
      cache.apply(invalidation);
    }
  }

  private void recovered() {
    if (degraded.compareAndSet(true, false)) {
      long dropped = cache.dropAfterOutage();
      log.info(
          "Redis channel '{}' is reachable again; dropped {} local entries and the shared level,"
              + " which may have missed invalidations",
          channel,
          dropped);
    }
  }

  private void failed(Throwable error) {
    if (degraded.compareAndSet(false, true)) {
      log.warn(
          "Redis channel '{}' is unreachable; serving from the local cache only until it returns",
          channel,
          error);
    }
  }

  /**
   * Message on the channel: the sending replica and its invalidation, or no invalidation for a
   * heartbeat.
   */
  record Envelope(String origin, @Nullable Invalidation invalidation) {}
}
