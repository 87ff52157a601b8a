package org.customerfacade.standin.admin;

import jakarta.validation.Valid;
import java.util.List;
import org.customerfacade.standin.endpoint.Endpoint;
import org.customerfacade.standin.endpoint.EndpointRegistry;
import org.customerfacade.standin.fault.Fault;
import org.customerfacade.standin.fault.FaultInjector;
import org.customerfacade.standin.instance.Instance;
import org.customerfacade.standin.instance.InstanceRegistry;
import org.customerfacade.standin.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Admin API on the admin port: lists endpoints, injects and clears faults, resets instances. */
@RestController
@RequestMapping("/admin")
public class AdminController {

  private static final Logger log = LoggerFactory.getLogger(AdminController.class);

  private final EndpointRegistry endpoints;

  private final InstanceRegistry instances;

  private final FaultInjector faults;

  public AdminController(
      EndpointRegistry endpoints, InstanceRegistry instances, FaultInjector faults) {
    this.endpoints = endpoints;
    this.instances = instances;
    this.faults = faults;
  }

  @GetMapping("/endpoints")
  public List<EndpointView> listEndpoints() {
    return endpoints.all().stream().map(this::viewOf).toList();
  }

  @PutMapping("/endpoints/{name}/fault")
  public Mono<EndpointView> injectFault(
      @PathVariable String name, @Valid @RequestBody Mono<Fault> fault) {
    return endpointNamed(name)
        .flatMap(
            endpoint ->
                fault
                    .flatMap(requested -> faults.inject(endpoint, requested))
                    .then(Mono.fromSupplier(() -> viewOf(endpoint))));
  }

  @DeleteMapping("/endpoints/{name}/fault")
  public Mono<EndpointView> clearFault(@PathVariable String name) {
    return endpointNamed(name)
        .flatMap(
            endpoint -> faults.clear(endpoint).then(Mono.fromSupplier(() -> viewOf(endpoint))));
  }

  /** Restores the instance's seed customers and id sequence and zeroes its request counters. */
  @PostMapping("/instances/{instance}/reset")
  public Mono<ResponseEntity<Void>> resetInstance(@PathVariable("instance") String name) {
    return instanceNamed(name)
        .doOnNext(
            instance -> {
              instance.customers().reset();
              endpoints.forInstance(instance.name()).forEach(Endpoint::resetRequests);
              log.info("Instance '{}' reset to its seed customers", instance.name());
            })
        .map(instance -> ResponseEntity.noContent().build());
  }

  private EndpointView viewOf(Endpoint endpoint) {
    return new EndpointView(
        endpoint.name(),
        endpoint.instance().name(),
        endpoint.boundPort(),
        faults.faultOf(endpoint).orElse(null),
        endpoint.requests());
  }

  private Mono<Endpoint> endpointNamed(String name) {
    return endpoints
        .find(name)
        .map(Mono::just)
        .orElseGet(
            () ->
                Mono.error(
                    ProblemException.notFound(
                        "Endpoint '"
                            + name
                            + "' does not exist; GET /admin/endpoints lists the names.")));
  }

  private Mono<Instance> instanceNamed(String name) {
    return instances
        .find(name)
        .map(Mono::just)
        .orElseGet(
            () ->
                Mono.error(
                    ProblemException.notFound(
                        "Instance '"
                            + name
                            + "' does not exist; use one of the names under standin.instances.")));
  }
}
