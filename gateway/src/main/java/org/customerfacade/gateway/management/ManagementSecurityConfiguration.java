package org.customerfacade.gateway.management;

import org.customerfacade.support.management.ManagementTokenFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Guards the gateway's management endpoints, Prometheus included, with the operators' token from
 * {@code edge.admin}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ManagementProperties.class)
class ManagementSecurityConfiguration {

  @Bean
  ManagementTokenFilter managementTokenFilter(ManagementProperties properties) {
    return new ManagementTokenFilter(
        ManagementProperties.PREFIX + ".token-sha256",
        "gateway-admin",
        properties.getTokenSha256());
  }
}
