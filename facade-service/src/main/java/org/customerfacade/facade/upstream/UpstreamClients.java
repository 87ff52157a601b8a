package org.customerfacade.facade.upstream;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.customerfacade.client.CustomerApiClients;
import org.customerfacade.client.api.CustomersApi;
import org.customerfacade.facade.account.Account;
import org.customerfacade.facade.drift.DriftSamplingFilter;
import org.customerfacade.facade.routing.UpstreamEndpoint;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Generated clients, one per account and endpoint, because each carries its account's API key as a
 * default header. They share Reactor Netty's connection pool.
 */
@Component
class UpstreamClients {

  /**
   * Backstop response timeout of the HTTP client. The per-operation time limits are shorter and end
   * a call first; this one only bounds a call whose limiter was bypassed.
   */
  private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

  private final WebClient.Builder webClientBuilder;
  private final Duration connectTimeout;
  private final Map<String, CustomersApi> clients = new ConcurrentHashMap<>();

  UpstreamClients(
      WebClient.Builder webClientBuilder,
      DriftSamplingFilter driftSampling,
      ResilienceProperties properties) {
    this.webClientBuilder = webClientBuilder.clone().filter(driftSampling);
    this.connectTimeout = properties.getConnectTimeout();
  }

  CustomersApi client(Account account, UpstreamEndpoint endpoint) {
    return clients.computeIfAbsent(
        account.name() + "@" + endpoint.name(), key -> build(account, endpoint));
  }

  private CustomersApi build(Account account, UpstreamEndpoint endpoint) {
    return CustomerApiClients.builder()
        .baseUrl(endpoint.baseUrl().toString())
        .apiKey(account.apiKey())
        .connectTimeout(connectTimeout)
        .responseTimeout(RESPONSE_TIMEOUT)
        .webClientBuilder(webClientBuilder)
        .build();
  }
}
