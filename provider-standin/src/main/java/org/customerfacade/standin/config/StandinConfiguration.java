package org.customerfacade.standin.config;

import java.time.Clock;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.validation.Validator;

/** Beans shared by the stand-in's features. */
@Configuration(proxyBeanMethods = false)
public class StandinConfiguration {

  /** Clock for customer timestamps; tests replace it with one they control. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Checks the rules of {@link StandinProperties} that span several entries. Spring Boot applies a
   * bean with this name to every configuration properties class while binding.
   */
  @Bean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static Validator configurationPropertiesValidator() {
    return new StandinPropertiesValidator();
  }
}
