package org.customerfacade.facade.idempotency;

import com.github.benmanes.caffeine.cache.Ticker;
import java.net.URI;
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

  @Bean
  @ConditionalOnExpression("'${facade.idempotency.redis-url:}'.isEmpty()")
  IdempotentCreates localIdempotentCreates(IdempotencyProperties properties, Ticker ticker) {
    return new CaffeineIdempotentCreates(properties, ticker);
  }

  @Bean
  @ConditionalOnProperty(prefix = IdempotencyProperties.PREFIX, name = "redis-url")
  LettuceConnectionFactory idempotencyRedisConnectionFactory(IdempotencyProperties properties) {
    URI url = properties.getRedisUrl();
    RedisStandaloneConfiguration server =
        new RedisStandaloneConfiguration(url.getHost(), url.getPort());
    return new LettuceConnectionFactory(server);
  }

  @Bean
  @ConditionalOnProperty(prefix = IdempotencyProperties.PREFIX, name = "redis-url")
  IdempotentCreates redisIdempotentCreates(
      IdempotencyProperties properties,
      LettuceConnectionFactory idempotencyRedisConnectionFactory) {
    return new RedisIdempotentCreates(
        new ReactiveStringRedisTemplate(idempotencyRedisConnectionFactory), properties);
  }
}
