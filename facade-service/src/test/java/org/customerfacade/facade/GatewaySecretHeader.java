package org.customerfacade.facade;

import org.customerfacade.facade.trust.GatewaySecretFilter;
import org.customerfacade.facade.trust.GatewayTrustProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Makes the test {@code WebTestClient} send the gateway's shared secret on every request, as the
 * gateway does, so tests can call the facade directly.
 */
@TestConfiguration(proxyBeanMethods = false)
public class GatewaySecretHeader {

  static final String NAME = GatewaySecretFilter.SECRET_HEADER;

  /** The secret from application.yml, which the tests do not override. */
  static final String DEMO_VALUE = GatewayTrustProperties.DEMO_SECRET;

  @Bean
  WebTestClientBuilderCustomizer gatewaySecretHeader(GatewayTrustProperties trust) {
    return builder ->
        builder.defaultHeader(GatewaySecretFilter.SECRET_HEADER, trust.getGatewaySecret());
  }
}
