package org.customerfacade.bench.scg;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts one Spring Cloud Gateway route, configured in application.yml, and nothing else. */
@SpringBootApplication
public class ScgPeerApplication {

  public static void main(String[] args) {
    SpringApplication.run(ScgPeerApplication.class, args);
  }
}
