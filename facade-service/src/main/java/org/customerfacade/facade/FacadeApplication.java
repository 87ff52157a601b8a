package org.customerfacade.facade;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Entry point of the facade service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FacadeApplication {

  public static void main(String[] args) {
    SpringApplication.run(FacadeApplication.class, args);
  }

  /** Wall clock of the circuit breakers; tests replace it to move time without sleeping. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Monotonic time source of the cache's expiry and of the {@code Age} header. */
  @Bean
  Ticker cacheTicker() {
    return Ticker.systemTicker();
  }
}
