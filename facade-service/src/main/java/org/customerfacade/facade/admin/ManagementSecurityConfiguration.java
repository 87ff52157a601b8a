package org.customerfacade.facade.admin;

import org.customerfacade.support.management.ManagementTokenFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Guards the facade's management endpoints with the operators' token from {@code facade.admin}. */
@Configuration(proxyBeanMethods = false)
class ManagementSecurityConfiguration {

  @Bean
  ManagementTokenFilter managementTokenFilter(AdminProperties properties) {
    return new ManagementTokenFilter(
        AdminProperties.PREFIX + ".token-sha256", "facade-admin", properties.getTokenSha256());
  }
}
