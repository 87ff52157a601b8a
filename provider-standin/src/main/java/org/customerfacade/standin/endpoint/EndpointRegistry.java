package org.customerfacade.standin.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.customerfacade.standin.config.StandinProperties;
import org.customerfacade.standin.instance.Instance;
import org.customerfacade.standin.instance.InstanceRegistry;
import org.springframework.stereotype.Component;

/** Every endpoint of every instance, in configuration order. */
@Component
public class EndpointRegistry {

  private final List<Endpoint> endpoints = new ArrayList<>();

  public EndpointRegistry(StandinProperties properties, InstanceRegistry instances) {
    properties
        .getInstances()
        .forEach(
            (instanceName, options) -> {
              Instance instance = instances.find(instanceName).orElseThrow();
              options
                  .getEndpoints()
                  .forEach(
                      endpoint ->
                          endpoints.add(
                              new Endpoint(endpoint.getName(), instance, endpoint.getPort())));
            });
  }

  public List<Endpoint> all() {
    return List.copyOf(endpoints);
  }

  public Optional<Endpoint> find(String name) {
    return endpoints.stream().filter(endpoint -> endpoint.name().equals(name)).findFirst();
  }

  /** Finds the endpoint listening on a local port; empty for the admin port. */
  public Optional<Endpoint> findByBoundPort(int port) {
    return endpoints.stream().filter(endpoint -> endpoint.boundPort() == port).findFirst();
  }

  public List<Endpoint> forInstance(String instanceName) {
    return endpoints.stream()
        .filter(endpoint -> endpoint.instance().name().equals(instanceName))
        .toList();
  }
}
