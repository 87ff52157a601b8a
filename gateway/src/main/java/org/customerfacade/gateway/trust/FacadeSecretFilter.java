package org.customerfacade.gateway.trust;

import org.customerfacade.gateway.headers.InternalHeadersFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Sets the shared secret on every authenticated request routed to the facade, replacing any copy
 * that the caller sent, so the facade receives only the gateway's value.
 */
@Component
@EnableConfigurationProperties(FacadeTrustProperties.class)
public class FacadeSecretFilter implements GlobalFilter, Ordered {

  /** Header carrying the secret; the name matches the facade's check. */
  public static final String SECRET_HEADER = "X-Gateway-Secret";

  public static final int ORDER = InternalHeadersFilter.ORDER + 10;

  private static final Logger log = LoggerFactory.getLogger(FacadeSecretFilter.class);

  private final String secret;

  public FacadeSecretFilter(FacadeTrustProperties properties) {
    this.secret = properties.getFacadeSecret();
    if (FacadeTrustProperties.DEMO_SECRET.equals(secret)) {
      log.warn(
          "{}.facade-secret is the local demo value; set GATEWAY_SHARED_SECRET in the gateway"
              + " and the facade outside local runs",
          FacadeTrustProperties.PREFIX);
    }
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    ServerWebExchange signed =
        exchange
            .mutate()
            .request(request -> request.headers(headers -> headers.set(SECRET_HEADER, secret)))
            .build();
    return chain.filter(signed);
  }
}
