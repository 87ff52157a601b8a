package org.customerfacade.standin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Local stand-in for the provider's Customer API 2.0: several instances in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StandinApplication {

  public static void main(String[] args) {
    SpringApplication.run(StandinApplication.class, args);
  }
}
