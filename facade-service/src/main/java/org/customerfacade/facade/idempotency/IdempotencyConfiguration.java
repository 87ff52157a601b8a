package org.customerfacade.facade.idempotency;

import com.github.benmanes.caffeine.cache.Ticker;
import java.net.URI;
import org.customerfacade.facade.upstream.ResilienceProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Chooses where idempotency keys live: Redis when its URL is set, this replica's memory otherwise.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

  private static final int DEFAULT_REDIS_PORT = 6379;

  @Bean
  @ConditionalOnExpression("'${facade.idempotency.redis-url:}'.isEmpty()")
  IdempotentCreates localIdempotentCreates(IdempotencyProperties properties, Ticker ticker) {
    return new CaffeineIdempotentCreates(properties, ticker);
  }

  @Bean
  @ConditionalOnProperty(prefix = IdempotencyProperties.PREFIX, name = "redis-url")
  LettuceConnectionFactory idempotencyRedisConnectionFactory(IdempotencyProperties properties) {
    URI url = properties.getRedisUrl();
    int port = url.getPort() < 0 ? DEFAULT_REDIS_PORT : url.getPort();
    RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(url.getHost(), port);

    String userInfo = url.getUserInfo();
    if (userInfo != null) {
      // redis://:password@host:port, the form Redis clients share; a user name is not used.
      server.setPassword(userInfo.substring(userInfo.indexOf(':') + 1));
    }
    return new LettuceConnectionFactory(server);
  }

  @Bean
  @ConditionalOnProperty(prefix = IdempotencyProperties.PREFIX, name = "redis-url")
  IdempotentCreates redisIdempotentCreates(
      IdempotencyProperties properties,
      ResilienceProperties resilience,
      LettuceConnectionFactory idempotencyRedisConnectionFactory) {
    if (properties.getPendingWait().compareTo(resilience.getDeadline()) <= 0) {
      // A pending key that outlives its create is what keeps a slow create from running twice.
      throw new IllegalStateException(
          IdempotencyProperties.PREFIX
              + ".pending-wait must be longer than "
              + ResilienceProperties.PREFIX
              + ".deadline ("
              + resilience.getDeadline()
              + ") but was "
              + properties.getPendingWait());
    }
    return new RedisIdempotentCreates(
        new ReactiveStringRedisTemplate(idempotencyRedisConnectionFactory), properties);
  }
}
