package org.customerfacade.gateway.ratelimit;

import java.time.Clock;
import org.customerfacade.gateway.ratelimit.RateLimitProperties.Store;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Builds the rate limiter and key resolver that the route's {@code RequestRateLimiter} filter uses.
 * Both are primary because Spring Cloud Gateway's Redis auto-configuration adds its own {@code
 * RedisRateLimiter}, which stays unused.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  @Primary
  ConsumerRateLimiter consumerRateLimiter(
      RateLimitProperties properties,
      Clock clock,
      ObjectProvider<ReactiveStringRedisTemplate> redis) {
    TokenBucketStore local = new LocalTokenBucketStore(clock);
    TokenBucketStore store =
        properties.getStore() == Store.REDIS
            ? new RedisTokenBucketStore(redis.getObject(), local)
            : local;
    return new ConsumerRateLimiter(properties, store);
  }

  @Bean
  @Primary
  ConsumerKeyResolver consumerKeyResolver() {
    return new ConsumerKeyResolver();
  }
}
