package org.customerfacade.facade.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.resource.Delay;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shares invalidations between replicas when {@code facade.cache.redis.enabled} is true, and with
 * {@code facade.cache.redis.second-level} also the customers themselves.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    prefix = CacheProperties.PREFIX + ".redis",
    name = "enabled",
    havingValue = "true")
class RedisCacheConfiguration {

  @Bean
  RedisInvalidationBus redisInvalidationBus(
      ReactiveRedisConnectionFactory connections,
      CaffeineCustomerCache cache,
      CacheProperties properties) {
    return new RedisInvalidationBus(connections, cache, properties);
  }

  @Bean
  @ConditionalOnProperty(
      prefix = CacheProperties.PREFIX + ".redis",
      name = "second-level",
      havingValue = "true")
  SharedCustomers redisSharedCustomers(
      ReactiveRedisConnectionFactory connections,
      JsonMapper mapper,
      Clock clock,
      CacheProperties properties) {
    return new RedisSharedCustomers(
        new ReactiveStringRedisTemplate(connections), mapper, clock, properties);
  }

  /**
   * Fails commands at once while the connection is down, instead of queueing them until it returns,
   * so that the bus notices the outage and drops what may have missed invalidations.
   */
  @Bean
  LettuceClientConfigurationBuilderCustomizer rejectCommandsWhileDisconnected() {
    return builder ->
        builder.clientOptions(
            ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(
                    SocketOptions.builder().connectTimeout(Duration.ofSeconds(1)).build())
                .build());
  }

  /**
   * Reconnects after 100 ms, doubling up to 2 s, instead of Lettuce's default of up to 30 s, so
   * that invalidations flow again soon after Redis returns.
   */
  @Bean
  ClientResourcesBuilderCustomizer fastRedisReconnect() {
    return builder ->
        builder.reconnectDelay(
            Delay.exponential(
                Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS));
  }
}
