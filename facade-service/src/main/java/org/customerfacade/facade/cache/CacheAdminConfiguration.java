package org.customerfacade.facade.cache;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;

/** Protects the cache purge endpoint with the admin token. */
@Configuration(proxyBeanMethods = false)
class CacheAdminConfiguration {

  @Bean
  WebFilter cachePurgeTokenFilter(CacheProperties properties) {
    return new PurgeTokenFilter(properties.getAdmin().getToken());
  }
}
