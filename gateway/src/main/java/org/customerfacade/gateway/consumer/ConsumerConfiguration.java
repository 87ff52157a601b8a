package org.customerfacade.gateway.consumer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds and validates {@link ConsumerProperties} and builds the registry from them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsumerProperties.class)
public class ConsumerConfiguration {

  @Bean
  ConsumerRegistry consumerRegistry(ConsumerProperties properties) {
    return new ConsumerRegistry(properties);
  }
}
